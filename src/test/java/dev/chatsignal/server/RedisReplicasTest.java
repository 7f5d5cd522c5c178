package dev.chatsignal.server;

import static dev.chatsignal.testing.Protos.HIKING;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.engagement;
import static dev.chatsignal.testing.Protos.threeAds;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.RedisProcess;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.DeleteProfileRequest;
import dev.chatsignal.v1.DeleteScope;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.SignalSource;
import dev.chatsignal.v1.SuppressTopicRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two chatsignal replicas (the production wiring, in one JVM) sharing one real redis-server. */
class RedisReplicasTest {
  private RedisProcess redis;
  private TestServer a;
  private TestServer b;

  @BeforeEach
  void start() throws Exception {
    redis = RedisProcess.start();
    Map<String, String> env = Map.of("CHATSIGNAL_STORE", "redis", "CHATSIGNAL_REDIS_URI", redis.uri(),
        "CHATSIGNAL_REDIS_TIMEOUT_MS", "500");
    a = TestServer.with(env);
    b = TestServer.with(env);
  }

  @AfterEach
  void stop() throws Exception {
    a.close();
    b.close();
    redis.close();
  }

  /** Waits, bounded, for an asynchronous event (a pub/sub delivery), never for time itself. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void ingestThroughOne_scoreThroughTheOther() {
    a.interactions().ingestInteractions(batch(chat("c1", "hiker", "US", NOW, HIKING_CHAT)));
    assertEquals("ad-boots", b.scoring().scoreCandidates(threeAds("hiker", "US").build()).getItems(0).getItemId());
    var retry = b.interactions().ingestInteractions(batch(chat("c1", "hiker", "US", NOW, HIKING_CHAT)));
    assertEquals(Outcome.OUTCOME_DUPLICATE, retry.getResults(0).getOutcome(), "a retry on another replica");
  }

  @Test
  void erasureOnOne_isSeenByTheOther_onItsNextRequestAfterInvalidation() throws Exception {
    a.interactions().ingestInteractions(batch(chat("c1", "hiker", "US", NOW, HIKING_CHAT)));
    assertEquals(Reason.REASON_PERSONALIZED, b.scoring().scoreCandidates(threeAds("hiker", "US").build()).getReason());
    double before = b.counter("chatsignal.store.invalidations");
    a.profiles().deleteProfile(DeleteProfileRequest.newBuilder().setUserId("hiker")
        .setScope(DeleteScope.DELETE_SCOPE_ALL).build());
    await(() -> b.counter("chatsignal.store.invalidations") > before, "b to receive the invalidation");
    assertEquals(Reason.REASON_NO_PROFILE, b.scoring().scoreCandidates(threeAds("hiker", "US").build()).getReason());
  }

  @Test
  void suppressionOnOne_isVisibleOnTheOther_atTheLatestAfterTheCacheTtl() {
    a.interactions().ingestInteractions(batch(chat("c1", "hiker", "US", NOW, HIKING_CHAT)));
    b.scoring().scoreCandidates(threeAds("hiker", "US").build());
    a.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("hiker").setTopicId(HIKING)
        .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(3600)).build());
    b.ticker.advance(Duration.ofMillis(1001));
    assertEquals("ad-laptop", b.scoring().scoreCandidates(threeAds("hiker", "US").build()).getItems(0).getItemId(),
        "past the 1 s TTL the suppression is visible whether or not the invalidation arrived");
  }

  @Test
  void concurrentWritesThroughBoth_loseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        InteractionServiceGrpc.InteractionServiceBlockingStub stub = (i % 2 == 0 ? a : b).interactions();
        int n = i;
        calls.add(pool.submit(() -> stub.ingestInteractions(batch(
            engagement("like-" + n, "fan", "US", NOW, EngagementKind.ENGAGEMENT_KIND_LIKE, HIKING)))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }
    var profile = a.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("fan").build());
    var like = profile.getTopicsList().stream().filter(t -> t.getSource() == SignalSource.SIGNAL_SOURCE_LIKE)
        .findFirst().orElseThrow();
    assertEquals(40 * 0.5, like.getWeight(), 1e-6, "40 likes x source weight 0.5, none lost");
  }

  @Test
  void redisDown_writesAreUnavailable_scoringFallsBack_healthShows_andItRecovers() throws Exception {
    a.interactions().ingestInteractions(batch(chat("c1", "hiker", "US", NOW, HIKING_CHAT)));
    b.ticker.advance(Duration.ofSeconds(2));
    redis.kill();
    StatusRuntimeException write = assertThrows(StatusRuntimeException.class,
        () -> a.interactions().ingestInteractions(batch(chat("c2", "hiker", "US", NOW, HIKING_CHAT))));
    assertEquals(Status.Code.UNAVAILABLE, write.getStatus().getCode());
    var fallback = b.scoring().scoreCandidates(threeAds("hiker", "US").build());
    assertEquals(Reason.REASON_STORE_UNAVAILABLE, fallback.getReason());
    assertEquals("ad-laptop", fallback.getItems(0).getItemId());
    a.server.checkStoreHealth();
    assertEquals(ServingStatus.NOT_SERVING, status(a, "chatsignal.v1.InteractionService"));
    assertEquals(ServingStatus.SERVING, status(a, "chatsignal.v1.ScoringService"));
    assertEquals(ServingStatus.SERVING, status(a, ""));

    redis.restart();
    await(() -> {
      a.server.checkStoreHealth();
      return status(a, "chatsignal.v1.InteractionService") == ServingStatus.SERVING;
    }, "a to see redis again");
    var stored = a.interactions().ingestInteractions(batch(chat("c2", "hiker", "US", NOW, HIKING_CHAT)));
    assertEquals(Outcome.OUTCOME_STORED, stored.getResults(0).getOutcome());
    assertTrue(a.counter("chatsignal.store.errors", "operation", "write") >= 1);
  }

  private static ServingStatus status(TestServer server, String service) {
    return server.health().check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }
}
