package dev.chatsignal.store.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Redis is: one {@code redis://} or {@code rediss://} URI for a standalone server, or a
 * comma-separated list of nodes for Redis Cluster ({@code redis://a:7000,b:7001,c:7002}; later nodes
 * may omit the scheme and take the first node's, including TLS and credentials).
 */
public record RedisEndpoint(List<RedisURI> nodes, Duration commandTimeout) {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public RedisEndpoint {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("redis uri: empty (expected: redis://host:port[,host:port...])");
    }
  }

  /** @throws IllegalArgumentException naming the bad part */
  public static RedisEndpoint parse(String uri, Duration commandTimeout) {
    List<RedisURI> nodes = new ArrayList<>();
    String prefix = null;
    for (String raw : uri.split(",")) {
      String part = raw.strip();
      if (part.isEmpty()) {
        continue;
      }
      if (prefix == null) {
        int scheme = part.indexOf("://");
        if (!part.startsWith("redis://") && !part.startsWith("rediss://")) {
          throw new IllegalArgumentException("redis uri: '" + redact(part) + "' (expected: redis:// or rediss://)");
        }
        int at = part.indexOf('@', scheme);
        prefix = part.substring(0, at > 0 ? at + 1 : scheme + 3);
      } else if (!part.contains("://")) {
        part = prefix + part;
      }
      try {
        RedisURI node = RedisURI.create(part);
        // The URI timeout bounds connecting and the handshake (slow while a JVM warms up); commands get
        // the short command timeout through the client's TimeoutOptions.
        node.setTimeout(CONNECT_TIMEOUT.compareTo(commandTimeout) > 0 ? CONNECT_TIMEOUT : commandTimeout);
        nodes.add(node);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("redis uri: '" + redact(part) + "' (expected: redis://host:port)", e);
      }
    }
    return new RedisEndpoint(nodes, commandTimeout);
  }

  private static String redact(String part) {
    int at = part.indexOf('@');
    int scheme = part.indexOf("://");
    return at > 0 && scheme >= 0 ? part.substring(0, scheme + 3) + "***@" + part.substring(at + 1) : part;
  }

  public boolean isCluster() {
    return nodes.size() > 1;
  }

  /** host:port list without credentials, for logs. */
  public String describe() {
    StringBuilder out = new StringBuilder(isCluster() ? "redis-cluster(" : "redis(");
    for (int i = 0; i < nodes.size(); i++) {
      out.append(i == 0 ? "" : ",").append(nodes.get(i).getHost()).append(':').append(nodes.get(i).getPort());
    }
    return out.append(nodes.get(0).isSsl() ? ", tls)" : ")").toString();
  }
}
