package dev.chatsignal.server;

import dev.chatsignal.store.ProfileStore;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reflects the store in gRPC health, checked once a second: while the store does not answer, the
 * services that need it to write (InteractionService, ProfileService) report NOT_SERVING, and they
 * report SERVING again by themselves once it answers. ScoringService and the overall status stay
 * SERVING: scoring degrades to the non-personalized ranking (REASON_STORE_UNAVAILABLE), which is
 * still a correct answer, so the replica should stay in rotation.
 */
final class StoreHealth implements AutoCloseable {
  private final ProfileStore store;
  private final HealthStatusManager health;
  private final List<String> writeServices;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "store-health");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean up = true;
  private volatile boolean stopped;

  StoreHealth(ProfileStore store, HealthStatusManager health, List<String> writeServices, MeterRegistry registry) {
    this.store = store;
    this.health = health;
    this.writeServices = List.copyOf(writeServices);
    Gauge.builder("chatsignal.store.up", this, s -> s.up ? 1 : 0)
        .description("1 while the profile store answers, 0 while it does not").register(registry);
  }

  void start() {
    timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  /** Pings the store and updates health when its state changed. */
  synchronized void check() {
    boolean now = store.isAvailable();
    if (now == up || stopped) {
      return;
    }
    up = now;
    for (String service : writeServices) {
      health.setStatus(service, now ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }
  }

  @Override
  public synchronized void close() {
    stopped = true;
    timer.shutdownNow();
  }
}
