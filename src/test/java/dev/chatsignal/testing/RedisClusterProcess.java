package dev.chatsignal.testing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real three-master Redis Cluster on loopback: three {@code redis-server --cluster-enabled yes}
 * processes joined with {@code redis-cli --cluster create}.
 */
public final class RedisClusterProcess implements AutoCloseable {
  public final List<RedisProcess> nodes;

  private RedisClusterProcess(List<RedisProcess> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  public static RedisClusterProcess start() throws IOException, InterruptedException {
    List<RedisProcess> nodes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      nodes.add(RedisProcess.start("--cluster-enabled", "yes", "--cluster-node-timeout", "2000",
          "--cluster-config-file", "nodes.conf"));
    }
    List<Object> create = new ArrayList<>(List.of(Tool.onPath("redis-cli"), "--cluster", "create"));
    for (RedisProcess node : nodes) {
      create.add("127.0.0.1:" + node.port);
    }
    create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    Tool.Result created = Tool.run(null, create.toArray());
    if (created.exitCode() != 0) {
      throw new IOException("redis-cli --cluster create failed: " + created.output());
    }
    RedisClusterProcess cluster = new RedisClusterProcess(nodes);
    cluster.awaitOk(Duration.ofSeconds(30));
    return cluster;
  }

  private void awaitOk(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    for (RedisProcess node : nodes) {
      while (true) {
        Tool.Result info = Tool.run(null, Tool.onPath("redis-cli"), "-p", node.port, "cluster", "info");
        if (info.output().contains("cluster_state:ok")) {
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IOException("cluster not ok on " + node.port + ": " + info.output());
        }
        Thread.sleep(50); // polling child processes for readiness
      }
    }
  }

  /** All nodes, comma-separated: the CHATSIGNAL_REDIS_URI of a cluster. */
  public String uri() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(",", "redis://", ""));
  }

  @Override
  public void close() throws InterruptedException {
    for (RedisProcess node : nodes) {
      node.close();
    }
  }
}
