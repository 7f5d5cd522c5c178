package dev.chatsignal.store;

import dev.chatsignal.store.redis.RedisEndpoint;
import dev.chatsignal.store.redis.RedisProfileRepository;
import dev.chatsignal.testing.RedisClusterProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract on a real three-master Redis Cluster. */
class RedisClusterRepositoryTest extends ProfileRepositoryContract {
  private static RedisClusterProcess cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = RedisClusterProcess.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Override
  ProfileRepository create() {
    return new RedisProfileRepository(RedisEndpoint.parse(cluster.uri(), Duration.ofSeconds(2)), DECAY, MAX_TOPICS,
        Duration.ofDays(7), Duration.ofDays(400));
  }

  @Override
  ProfileRepository createSecond(ProfileRepository first) {
    return open();
  }
}
