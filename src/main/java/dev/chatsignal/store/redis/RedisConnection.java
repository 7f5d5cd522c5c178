package dev.chatsignal.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Lettuce connections to standalone Redis or Redis Cluster behind one command interface. Every
 * command times out after the endpoint's command timeout; standalone commands fail at once while
 * disconnected; the client reconnects by itself; a cluster refreshes its topology on MOVED/ASK and
 * failures.
 */
final class RedisConnection implements AutoCloseable {
  private final ClientResources resources;
  private final AutoCloseable client;
  private final AutoCloseable connection;
  private final RedisClusterCommands<String, String> commands;
  private final StatefulRedisPubSubConnection<String, String> pubSub;

  RedisConnection(RedisEndpoint endpoint) {
    // The JDK resolver, not Netty's DNS client: host names resolve like everywhere else in the JVM
    // (/etc/hosts, the system resolver), and start-up does not wait on DNS servers it cannot reach.
    this.resources = DefaultClientResources.builder()
        .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
        .build();
    TimeoutOptions timeouts = TimeoutOptions.builder().fixedTimeout(endpoint.commandTimeout()).build();
    SocketOptions socket = SocketOptions.builder().connectTimeout(RedisEndpoint.CONNECT_TIMEOUT).build();
    if (endpoint.isCluster()) {
      RedisClusterClient cluster = RedisClusterClient.create(resources, endpoint.nodes());
      // Cluster node connections open lazily, so rejecting while "disconnected" would reject the first
      // command to each node; commands wait for the connection instead, bounded by the fixed timeout.
      cluster.setOptions(ClusterClientOptions.builder()
          .socketOptions(socket)
          .timeoutOptions(timeouts)
          .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
              .enableAllAdaptiveRefreshTriggers()
              .enablePeriodicRefresh(Duration.ofSeconds(30))
              .build())
          .build());
      StatefulRedisClusterConnection<String, String> c = cluster.connect();
      this.client = () -> cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      this.connection = c;
      this.commands = c.sync();
      this.pubSub = cluster.connectPubSub();
    } else {
      RedisClient standalone = RedisClient.create(resources, endpoint.nodes().get(0));
      standalone.setOptions(ClientOptions.builder()
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .socketOptions(socket)
          .timeoutOptions(timeouts)
          .build());
      StatefulRedisConnection<String, String> c = standalone.connect();
      this.client = () -> standalone.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      this.connection = c;
      this.commands = c.sync();
      this.pubSub = standalone.connectPubSub();
    }
  }

  RedisClusterCommands<String, String> commands() {
    return commands;
  }

  /** Delivers every message of {@code channel} to {@code listener} (on a Lettuce I/O thread). */
  void subscribe(String channel, Consumer<String> listener) {
    pubSub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        if (from.equals(channel)) {
          listener.accept(message);
        }
      }
    });
    pubSub.sync().subscribe(channel);
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {pubSub, connection, client, () -> resources.shutdown(0, 2,
        java.util.concurrent.TimeUnit.SECONDS)}) {
      try {
        c.close();
      } catch (Exception e) {
        // closing is best effort: the process is stopping
      }
    }
  }
}
