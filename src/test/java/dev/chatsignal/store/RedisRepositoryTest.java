package dev.chatsignal.store;

import dev.chatsignal.store.redis.RedisEndpoint;
import dev.chatsignal.store.redis.RedisProfileRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository contract on a real standalone redis-server, plus what only Redis has. */
class RedisRepositoryTest extends ProfileRepositoryContract {
  private static RedisProcess redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisProcess.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @Override
  ProfileRepository create() {
    return new RedisProfileRepository(RedisEndpoint.parse(redis.uri(), Duration.ofMillis(500)), DECAY, MAX_TOPICS,
        Duration.ofDays(7), Duration.ofDays(400));
  }

  @Override
  ProfileRepository createSecond(ProfileRepository first) {
    return open();
  }

  @Test
  void writesOnOneReplica_invalidateTheOthers() throws Exception {
    ProfileRepository writer = open();
    ProfileRepository reader = open();
    List<String> invalidated = new CopyOnWriteArrayList<>();
    reader.subscribeInvalidations(invalidated::add);
    List<String> own = new CopyOnWriteArrayList<>();
    writer.subscribeInvalidations(own::add);
    String u = user("u");
    writer.apply(List.of(new UserOps(u, List.of(reinforce("i", 472, SignalSource.CHAT, 1, T)))), T);
    writer.erase(u, ErasureScope.ALL, java.util.Optional.empty());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (invalidated.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5); // waiting for an asynchronous pub/sub delivery, bounded
    }
    assertEquals(List.of(u, u), invalidated);
    assertTrue(own.isEmpty(), "a replica ignores its own invalidations");
  }

  @Test
  void redisDown_failsFast_andRecoversByItself() throws Exception {
    ProfileRepository repository = open();
    String u = user("u");
    redis.kill();
    try {
      assertFalse(repository.ping());
      assertThrows(StoreException.class, () -> repository.load(u));
      assertThrows(StoreException.class, () -> repository.apply(
          List.of(new UserOps(u, List.of(reinforce("i", 472, SignalSource.CHAT, 1, T)))), T));
    } finally {
      redis.restart();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!repository.ping() && System.nanoTime() < deadline) {
      Thread.sleep(50); // Lettuce reconnects in the background; bounded wait for it
    }
    assertTrue(repository.ping());
    assertEquals(List.of(List.of(true)), repository.apply(
        List.of(new UserOps(u, List.of(reinforce("i", 472, SignalSource.CHAT, 1, T)))), T),
        "the failed write was not acknowledged, so its retry is applied");
  }

  @Test
  void hashesWrittenBeforeApps_readAsTheDefaultApp_andTakeNewAppsBesideThem() {
    String u = user("v1");
    long landmark = java.time.Instant.parse("2025-12-16T00:00:00Z").toEpochMilli();
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.uri());
    try (var connection = client.connect()) {
      // the v1 layout: g:<topic>:<src> and t:<topic>:<src>, no app suffix
      connection.sync().hset("cs:{" + u + "}:p", java.util.Map.of("g:472:1", "0.5", "t:472:1", Long.toString(landmark)));
    } finally {
      client.shutdown();
    }
    ProfileRepository repository = open();
    repository.apply(List.of(new UserOps(u, List.of(inApp("i", 472, SignalSource.CHAT, "instagram", 1, T)))), T);
    Profile p = repository.load(u).orElseThrow();
    assertEquals(List.of(Apps.DEFAULT, "instagram"), p.entries().stream().map(ProfileEntry::app).toList());
    assertEquals(0.5, p.entries().get(0).weight(), 1e-9);
  }

  @Test
  void endpoint_parsesStandaloneClusterAndTls() {
    assertFalse(RedisEndpoint.parse("redis://h:1", Duration.ofMillis(1)).isCluster());
    RedisEndpoint cluster = RedisEndpoint.parse("rediss://user:pw@a:1,b:2, c:3", Duration.ofMillis(1));
    assertTrue(cluster.isCluster());
    assertEquals(3, cluster.nodes().size());
    assertTrue(cluster.nodes().get(2).isSsl());
    assertEquals("redis-cluster(a:1,b:2,c:3, tls)", cluster.describe());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> RedisEndpoint.parse("http://user:secret@h:1", Duration.ofMillis(1)));
    assertFalse(bad.getMessage().contains("secret"));
  }
}
