package dev.chatsignal.server;

import static dev.chatsignal.testing.Protos.HIKING;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.engagement;
import static dev.chatsignal.testing.Protos.threeAds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.testing.RedisProcess;
import dev.chatsignal.v1.DeleteProfileRequest;
import dev.chatsignal.v1.DeleteScope;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.SignalSource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Two real chatsignal jars on one real redis-server, driven over the network. */
class RedisReplicaJarsIT {
  private static final Instant AT = Instant.now().minusSeconds(600);

  @Test
  void twoJarsShareProfiles_survivesRedisKilledMidRun() throws Exception {
    try (RedisProcess redis = RedisProcess.start();
        JarProcess one = JarProcess.start(Map.of("CHATSIGNAL_STORE", "redis", "CHATSIGNAL_REDIS_URI", redis.uri()));
        JarProcess two = JarProcess.start(Map.of("CHATSIGNAL_STORE", "redis", "CHATSIGNAL_REDIS_URI", redis.uri()))) {
      ManagedChannel c1 = ManagedChannelBuilder.forAddress("127.0.0.1", one.grpcPort).usePlaintext().build();
      ManagedChannel c2 = ManagedChannelBuilder.forAddress("127.0.0.1", two.grpcPort).usePlaintext().build();
      try {
        var ingest1 = InteractionServiceGrpc.newBlockingStub(c1);
        var ingest2 = InteractionServiceGrpc.newBlockingStub(c2);
        var score2 = ScoringServiceGrpc.newBlockingStub(c2);

        ingest1.ingestInteractions(batch(chat("c1", "hiker", "US", AT, HIKING_CHAT)));
        assertEquals("ad-boots", score2.scoreCandidates(threeAds("hiker", "US").build()).getItems(0).getItemId());
        assertEquals(Outcome.OUTCOME_DUPLICATE, ingest2.ingestInteractions(
            batch(chat("c1", "hiker", "US", AT, HIKING_CHAT))).getResults(0).getOutcome());

        ProfileServiceGrpc.newBlockingStub(c1).deleteProfile(DeleteProfileRequest.newBuilder().setUserId("hiker")
            .setScope(DeleteScope.DELETE_SCOPE_ALL).build());
        awaitValue(() -> score2.scoreCandidates(threeAds("hiker", "US").build()).getReason(),
            Reason.REASON_NO_PROFILE, Duration.ofSeconds(2), "erasure visible on the other replica");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
          List<Future<?>> calls = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            var stub = i % 2 == 0 ? ingest1 : ingest2;
            int n = i;
            calls.add(pool.submit(() -> stub.ingestInteractions(
                batch(engagement("like-" + n, "fan", "US", AT, EngagementKind.ENGAGEMENT_KIND_LIKE, HIKING)))));
          }
          for (Future<?> call : calls) {
            call.get();
          }
        } finally {
          pool.shutdownNow();
        }
        var fan = ProfileServiceGrpc.newBlockingStub(c2).getProfile(GetProfileRequest.newBuilder().setUserId("fan")
            .build());
        double likes = fan.getTopicsList().stream().filter(t -> t.getSource() == SignalSource.SIGNAL_SOURCE_LIKE)
            .mapToDouble(t -> t.getWeight()).sum();
        assertEquals(40 * 0.5, likes, 0.05, "40 concurrent likes through both jars, none lost (one like is 0.5;"
            + " the rest is ten minutes of decay)");

        redis.kill();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> ingest1
            .withDeadlineAfter(5, TimeUnit.SECONDS).ingestInteractions(batch(chat("c9", "hiker", "US", AT, HIKING_CHAT))));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), "nothing acknowledged while down");
        long start = System.nanoTime();
        var fallback = score2.withDeadlineAfter(2, TimeUnit.SECONDS)
            .scoreCandidates(threeAds("someone-new", "US").build());
        assertEquals(Reason.REASON_STORE_UNAVAILABLE, fallback.getReason());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "fallback within the deadline");
        var health1 = HealthGrpc.newBlockingStub(c1);
        awaitValue(() -> health1.check(HealthCheckRequest.newBuilder()
            .setService("chatsignal.v1.InteractionService").build()).getStatus(),
            ServingStatus.NOT_SERVING, Duration.ofSeconds(5), "health to show the store down");

        redis.restart();
        awaitValue(() -> health1.check(HealthCheckRequest.newBuilder()
            .setService("chatsignal.v1.InteractionService").build()).getStatus(),
            ServingStatus.SERVING, Duration.ofSeconds(20), "health to recover");
        assertEquals(Outcome.OUTCOME_STORED, ingest1.ingestInteractions(
            batch(chat("c9", "hiker", "US", AT, HIKING_CHAT))).getResults(0).getOutcome());
      } catch (AssertionError | Exception e) {
        throw new AssertionError(e + "\n--- jar one ---\n" + one.output() + "\n--- jar two ---\n" + two.output(), e);
      } finally {
        c1.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        c2.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Polls, bounded, until the observed value equals the expected one: events across processes. */
  private static <T> void awaitValue(Supplier<T> observed, T expected, Duration within, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    T last = observed.get();
    while (!expected.equals(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + within + " for " + what + ": last " + last);
      }
      Thread.sleep(20);
      last = observed.get();
    }
  }
}
