package dev.chatsignal.server;

import static dev.chatsignal.testing.Protos.HIKING;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.candidate;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.threeAds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.testing.Tool;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.DeleteProfileRequest;
import dev.chatsignal.v1.DeleteScope;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.Surface;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real jar: started as a child process on free ports with RocksDB in a temporary
 * directory, driven over the network with grpc-java and the buf CLI (through server reflection),
 * scraped with promtool, stopped with SIGTERM and restarted on the same data.
 */
class ChatSignalJarIT {
  private static final Instant AT = Instant.now().minusSeconds(3600);
  private static final String SENSITIVE_CHAT = "I was diagnosed with depression and my therapist suggested hiking";

  @TempDir
  Path dataDir;

  @Test
  void hikingStory_policyRules_metrics_drainAndRestart() throws Exception {
    Map<String, String> env = Map.of("CHATSIGNAL_DATA_DIR", dataDir.toString());
    try (JarProcess jar = JarProcess.start(env)) {
      reflectionWorksWithBufCurl(jar);
      ManagedChannel channel = channel(jar);
      try {
        var ingest = InteractionServiceGrpc.newBlockingStub(channel).ingestInteractions(batch(
            chat("c1", "hiker", "US", AT, HIKING_CHAT),
            chat("s1", "hiker", "US", AT, SENSITIVE_CHAT),
            chat("r1", "hiker", "DE", AT, HIKING_CHAT)));
        assertEquals(List.of(Outcome.OUTCOME_STORED, Outcome.OUTCOME_WITHHELD_SENSITIVE,
            Outcome.OUTCOME_WITHHELD_REGION), ingest.getResultsList().stream().map(r -> r.getOutcome()).toList());
        policyRulesHold(ScoringServiceGrpc.newBlockingStub(channel));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      String metrics = jar.http("/metrics").body();
      assertTrue(metrics.contains("chatsignal_sensitive_withheld_total{category=\"health\"} 1.0"), metrics);
      assertTrue(metrics.contains("grpc_server_processing_duration_seconds"));
      assertTrue(metrics.contains("cache_gets_total{cache=\"profiles\""));
      assertTrue(metrics.contains("jvm_memory_used_bytes"));
      Tool.Result promtool = Tool.run(metrics, Tool.onPath("promtool"), "check", "metrics");
      assertEquals(0, promtool.exitCode(), promtool.output());
      assertEquals("ok\n", jar.http("/healthz").body());
      assertEquals(0, jar.terminate(), "SIGTERM drains and exits 0");
      for (String secret : List.of("Rockies", "trails", "depression", "therapist")) {
        assertFalse(jar.output().contains(secret), "log contains chat text: " + secret);
        assertFalse(metrics.contains(secret), "metrics contain chat text: " + secret);
      }
    }
    try (JarProcess restarted = JarProcess.start(env)) {
      ManagedChannel channel = channel(restarted);
      try {
        var profile = ProfileServiceGrpc.newBlockingStub(channel)
            .getProfile(GetProfileRequest.newBuilder().setUserId("hiker").build());
        assertEquals(HIKING, profile.getTopics(0).getTopicId(), "the profile survived the restart");
        var retry = InteractionServiceGrpc.newBlockingStub(channel)
            .ingestInteractions(batch(chat("c1", "hiker", "US", AT, HIKING_CHAT)));
        assertEquals(Outcome.OUTCOME_DUPLICATE, retry.getResults(0).getOutcome());
        var scoring = ScoringServiceGrpc.newBlockingStub(channel);
        assertEquals("ad-boots", scoring.scoreCandidates(threeAds("hiker", "US").build()).getItems(0).getItemId());
        var erased = ProfileServiceGrpc.newBlockingStub(channel).deleteProfile(DeleteProfileRequest.newBuilder()
            .setUserId("hiker").setScope(DeleteScope.DELETE_SCOPE_ALL).build());
        assertTrue(erased.getProfileDeleted());
        assertEquals(Reason.REASON_NO_PROFILE, scoring.scoreCandidates(threeAds("hiker", "US").build()).getReason());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      assertEquals(0, restarted.terminate());
    }
    try (JarProcess third = JarProcess.start(env)) {
      ManagedChannel channel = channel(third);
      try {
        var profile = ProfileServiceGrpc.newBlockingStub(channel)
            .getProfile(GetProfileRequest.newBuilder().setUserId("hiker").build());
        assertEquals(0, profile.getTopicsCount(), "the erasure survived the restart");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void policyRulesHold(ScoringServiceGrpc.ScoringServiceBlockingStub scoring) {
    ScoreCandidatesResponse ads = scoring.scoreCandidates(threeAds("hiker", "US").build());
    assertEquals("ad-boots", ads.getItems(0).getItemId());
    assertEquals(HIKING, ads.getItems(0).getExplanation(0).getProfileTopicId());
    for (Surface surface : List.of(Surface.SURFACE_FEED, Surface.SURFACE_REELS, Surface.SURFACE_GROUPS)) {
      ScoreCandidatesResponse r = scoring.scoreCandidates(ScoreCandidatesRequest.newBuilder().setUserId("hiker")
          .setCountry("US").setSurface(surface)
          .addCandidates(candidate("other", ItemKind.ITEM_KIND_POST, 0.6, 507))
          .addCandidates(candidate("trail", ItemKind.ITEM_KIND_GROUP, 0.1, HIKING)).build());
      assertEquals("trail", r.getItems(0).getItemId(), surface.name());
    }
    Map<String, Reason> regions = Map.of("DE", Reason.REASON_REGION_EXCLUDED, "UK", Reason.REASON_REGION_EXCLUDED,
        "KR", Reason.REASON_REGION_EXCLUDED, "", Reason.REASON_REGION_UNKNOWN, "XX", Reason.REASON_REGION_UNKNOWN);
    regions.forEach((country, reason) -> {
      ScoreCandidatesResponse r = scoring.scoreCandidates(threeAds("hiker", country).build());
      assertEquals(reason, r.getReason(), country);
      assertEquals("ad-laptop", r.getItems(0).getItemId(), country);
    });
    assertEquals(Reason.REASON_MINOR, scoring.scoreCandidates(threeAds("hiker", "US")
        .setAgeBand(AgeBand.AGE_BAND_MINOR).build()).getReason());
    assertEquals(Reason.REASON_SENSITIVE_CONTEXT, scoring.scoreCandidates(threeAds("hiker", "US")
        .setContext(RequestContext.newBuilder().setSensitive(true)).build()).getReason());
  }

  private static void reflectionWorksWithBufCurl(JarProcess jar) throws Exception {
    String base = "http://127.0.0.1:" + jar.grpcPort;
    for (String protocol : List.of("grpc-v1", "grpc-v1alpha")) {
      Tool.Result list = Tool.bufCurl("--reflect-protocol", protocol, "--list-methods", base);
      assertEquals(0, list.exitCode(), list.output());
      for (String method : List.of("chatsignal.v1.InteractionService/IngestInteractions",
          "chatsignal.v1.ScoringService/ScoreCandidates", "chatsignal.v1.ProfileService/GetProfile",
          "chatsignal.v1.ProfileService/DeleteProfile", "chatsignal.v1.ProfileService/SuppressTopic",
          "chatsignal.v1.TopicService/ListTopics", "chatsignal.v1.TopicService/ClassifyText")) {
        assertTrue(list.output().contains(method), protocol + " lists " + method);
      }
    }
    Tool.Result health = Tool.bufCurl("-d", "{\"service\":\"chatsignal.v1.ScoringService\"}", base + "/grpc.health.v1.Health/Check");
    assertTrue(health.output().contains("SERVING"), health.output());
    Tool.Result classify = Tool.bufCurl("-d", "{\"text\":\"hiking trails near me\"}", base + "/chatsignal.v1.TopicService/ClassifyText");
    assertEquals(0, classify.exitCode(), classify.output());
    assertTrue(classify.output().contains("Hiking & Camping"), classify.output());
    Tool.Result invalid = Tool.bufCurl("-d", "{\"user_id\":\"u\",\"surface\":\"SURFACE_ADS\"}", base + "/chatsignal.v1.ScoringService/ScoreCandidates");
    assertTrue(invalid.output().contains("invalid_argument"), invalid.output());
    assertTrue(invalid.output().contains("candidates: 0 items (expected: 1..2000)"), invalid.output());
  }

  private static ManagedChannel channel(JarProcess jar) {
    return ManagedChannelBuilder.forAddress("127.0.0.1", jar.grpcPort).usePlaintext().build();
  }
}
