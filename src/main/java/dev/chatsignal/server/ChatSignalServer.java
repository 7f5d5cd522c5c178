package dev.chatsignal.server;

import dev.chatsignal.metrics.MetricsHttpServer;
import dev.chatsignal.store.ProfileStore;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A composed chatsignal server and its lifecycle: start (health SERVING once everything is up), drain
 * (health NOT_SERVING at once, refuse new calls, let in-flight calls finish up to a timeout, then
 * close the store). Built only by {@link Main#compose}.
 */
public final class ChatSignalServer implements AutoCloseable {
  private final Server server;
  private final HealthStatusManager health;
  private final OpenStreams streams;
  private final List<String> serviceNames;
  private final ProfileStore store;
  private final StoreHealth storeHealth;
  private final PrometheusMeterRegistry registry;
  private final InetSocketAddress httpAddress;
  private final String description;
  private volatile boolean serving;
  private volatile boolean drained;
  private MetricsHttpServer http;

  ChatSignalServer(Server server, HealthStatusManager health, OpenStreams streams, List<String> serviceNames, ProfileStore store,
      StoreHealth storeHealth, PrometheusMeterRegistry registry, InetSocketAddress httpAddress, String description) {
    this.server = server;
    this.health = health;
    this.streams = streams;
    this.serviceNames = List.copyOf(serviceNames);
    this.store = store;
    this.storeHealth = storeHealth;
    this.registry = registry;
    this.httpAddress = httpAddress;
    this.description = description;
  }

  /** Starts the gRPC server and, when configured, the HTTP endpoint; then reports SERVING. */
  public ChatSignalServer start() throws IOException {
    server.start();
    if (httpAddress != null) {
      http = new MetricsHttpServer(httpAddress, registry, () -> serving);
    }
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    for (String name : serviceNames) {
      health.setStatus(name, ServingStatus.SERVING);
    }
    serving = true;
    storeHealth.start();
    return this;
  }

  /** The bound gRPC port, or -1 for an in-process server. */
  public int grpcPort() {
    return server.getPort();
  }

  /** The bound HTTP port, or -1 when there is no HTTP endpoint. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** Checks the store now instead of waiting for the next scheduled check (tests). */
  public void checkStoreHealth() {
    storeHealth.check();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** One line for the operator: what listens where. */
  String description() {
    return description;
  }

  /**
   * Graceful drain: NOT_SERVING for every service at once, no new calls, in-flight calls may finish
   * within {@code timeout} before they are cancelled; then the HTTP endpoint and the store close.
   * Idempotent.
   */
  public synchronized void drain(Duration timeout) {
    if (drained) {
      return;
    }
    drained = true;
    serving = false;
    // Refuse new calls first: a call that starts after the drain began must be UNAVAILABLE, never OK,
    // however it races with the health change. Open Watch streams still hear NOT_SERVING.
    server.shutdown();
    storeHealth.close();
    health.enterTerminalState();
    streams.closeAll();
    try {
      if (!server.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      if (http != null) {
        http.close();
      }
      if (server.isTerminated()) {
        store.close();
      } else {
        // a handler is still running (it ignored cancellation): closing RocksDB under it could crash
        // the process in native code; the write-ahead log already holds every acknowledged write
        System.getLogger(ChatSignalServer.class.getName()).log(System.Logger.Level.WARNING,
            "calls still running after the drain; the store is left to the process exit");
      }
    }
  }

  @Override
  public void close() {
    drain(Duration.ofSeconds(5));
  }
}
