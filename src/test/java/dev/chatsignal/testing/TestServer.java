package dev.chatsignal.testing;

import dev.chatsignal.server.ChatSignalServer;
import dev.chatsignal.server.Main;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production wiring ({@link Main#compose}) on an in-process server with a direct executor, a
 * {@link MutableClock} and a {@link FakeTicker}. JUnit 5 has no GrpcCleanupRule: close it in
 * {@code @AfterEach}.
 */
public final class TestServer implements AutoCloseable {
  public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  public final MutableClock clock = new MutableClock(NOW);
  public final FakeTicker ticker = new FakeTicker();
  public final ChatSignalServer server;
  public final ManagedChannel channel;

  private TestServer(Map<String, String> settings) {
    String name = InProcessServerBuilder.generateName();
    server = Main.compose(settings, InProcessServerBuilder.forName(name).directExecutor(), null, clock, ticker);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  /** In-memory store and the lexicon classifier, defaults otherwise. */
  public static TestServer inMemory() {
    return with(Map.of());
  }

  /** In-memory store plus the given settings (environment variable names). */
  public static TestServer with(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.putIfAbsent("CHATSIGNAL_STORE", "memory");
    // The lexicon classifier starts in milliseconds; tests that need the hybrid one ask for it, and
    // the jar tests run the default (hybrid).
    all.putIfAbsent("CHATSIGNAL_CLASSIFIER", "lexicon");
    return new TestServer(all);
  }

  public InteractionServiceGrpc.InteractionServiceBlockingStub interactions() {
    return InteractionServiceGrpc.newBlockingStub(channel);
  }

  public ScoringServiceGrpc.ScoringServiceBlockingStub scoring() {
    return ScoringServiceGrpc.newBlockingStub(channel);
  }

  public ProfileServiceGrpc.ProfileServiceBlockingStub profiles() {
    return ProfileServiceGrpc.newBlockingStub(channel);
  }

  public TopicServiceGrpc.TopicServiceBlockingStub topics() {
    return TopicServiceGrpc.newBlockingStub(channel);
  }

  public HealthGrpc.HealthBlockingStub health() {
    return HealthGrpc.newBlockingStub(channel);
  }

  /** The value of a counter in the server's registry, 0 when absent. */
  public double counter(String name, String... tags) {
    var counter = server.registry().find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }
}
