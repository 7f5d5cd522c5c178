package dev.chatsignal.server;

import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.threeAds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.testing.Tool;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 from outside, on the real jar (default classifier): a chat in one app boosts boot ads in a
 * linked app only; 19 is a minor for ads in Thailand and an adult in the US; a shadow policy moves its
 * metrics while responses stay the enforced policy's; summaries are present and hold no chat words.
 */
class AcrossAppsJarIT {
  private static final Instant AT = Instant.now().minusSeconds(3600);
  private static final String CHAT =
      "I want to go hiking in the Rockies next weekend with my cousin Theodora, what trails do you recommend?";
  private static final String SHADOW_DIFFERENCE = "chatsignal_shadow_differences_total{enforced=\"personalized\","
      + "rpc=\"score\",rule=\"region\",shadow=\"region_excluded\"}";

  @Test
  void crossAppSignals_ageByCountry_shadowMetrics_andSummaries() throws Exception {
    Map<String, String> env = Map.of("CHATSIGNAL_STORE", "memory",
        "CHATSIGNAL_SHADOW_POLICY_VERSION", "policy-candidate-us",
        "CHATSIGNAL_SHADOW_EXCLUDED_REGIONS", "GB,KR,US");
    try (JarProcess jar = JarProcess.start(env)) {
      String base = "http://127.0.0.1:" + jar.grpcPort;
      Tool.Result ingest = Tool.bufCurl("-d",
          "{\"interactions\":[{\"interaction_id\":\"c1\",\"user_id\":\"bob\",\"country\":\"US\",\"event_time\":\""
              + AT + "\",\"app\":\"messenger\",\"chat\":{\"text\":\"" + CHAT + "\"}}]}",
          base + "/chatsignal.v1.InteractionService/IngestInteractions");
      assertTrue(ingest.output().contains("OUTCOME_STORED"), ingest.output());

      Tool.Result linked = score(base, "instagram", "messenger");
      assertTrue(firstItem(linked.output()).equals("ad-boots"), linked.output());
      assertTrue(linked.output().contains("\"app\": \"messenger\""), linked.output());
      assertTrue(linked.output().contains("Because you chatted about Hiking & Camping on Messenger this week"),
          linked.output());
      Tool.Result unlinked = score(base, "instagram", "whatsapp");
      assertEquals("ad-laptop", firstItem(unlinked.output()), unlinked.output());
      assertTrue(unlinked.output().contains("REASON_NO_PROFILE"), unlinked.output());

      Set<String> chatWords = Set.of(CHAT.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").split(" +"));
      Matcher summaries = Pattern.compile("\"summary\": \"([^\"]*)\"").matcher(linked.output() + unlinked.output());
      int count = 0;
      while (summaries.find()) {
        count++;
        // Taxonomy names are public words that a chat may share ("hiking"); everything else must not come from it.
        String withoutTopicNames = summaries.group(1).replace("Hiking & Camping", "");
        for (String word : withoutTopicNames.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").split(" +")) {
          assertTrue(Set.of("i", "in", "to", "you", "the", "with", "what").contains(word) || !chatWords.contains(word),
              "'" + word + "' from the chat in: " + summaries.group(1));
        }
      }
      assertEquals(6, count, "every item of both responses has a summary");

      double before = metric(jar, SHADOW_DIFFERENCE);
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", jar.grpcPort).usePlaintext().build();
      try {
        InteractionServiceGrpc.newBlockingStub(channel).ingestInteractions(batch(
            chat("t1", "thai", "TH", AT, CHAT), chat("u1", "yank", "US", AT, CHAT)));
        var scoring = ScoringServiceGrpc.newBlockingStub(channel);
        ScoreCandidatesResponse th = scoring.scoreCandidates(
            threeAds("thai", "TH").setAgeBand(AgeBand.AGE_BAND_UNSPECIFIED).setAgeYears(19).build());
        assertEquals(Reason.REASON_MINOR, th.getReason());
        ScoreCandidatesResponse us = scoring.scoreCandidates(
            threeAds("yank", "US").setAgeBand(AgeBand.AGE_BAND_UNSPECIFIED).setAgeYears(19).build());
        assertEquals(Reason.REASON_PERSONALIZED, us.getReason(), "the shadow excludes the US; responses do not");
        assertEquals("policy-2025-12-16.1", us.getPolicyVersion());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      String metrics = jar.http("/metrics").body();
      assertEquals(before + 1, metric(jar, SHADOW_DIFFERENCE), "one more US request the candidate would exclude");
      assertTrue(metrics.contains("chatsignal_policy_info{role=\"shadow\",version=\"policy-candidate-us\"} 1"),
          metrics.lines().filter(l -> l.contains("policy_info") || l.contains("shadow")).toList().toString());
      Tool.Result promtool = Tool.run(metrics, Tool.onPath("promtool"), "check", "metrics");
      assertEquals(0, promtool.exitCode(), promtool.output());
      assertFalse(metrics.contains("Theodora"));
    }
  }

  private static Tool.Result score(String base, String app, String linkedApp) throws Exception {
    String request = "{\"user_id\":\"bob\",\"country\":\"US\",\"age_band\":\"AGE_BAND_ADULT\",\"surface\":\"SURFACE_ADS\","
        + "\"explain\":true,\"app\":\"" + app + "\",\"linked_apps\":[\"" + linkedApp + "\"],\"candidates\":["
        + "{\"item_id\":\"ad-laptop\",\"kind\":\"ITEM_KIND_AD\",\"topics\":[{\"topic_id\":135,\"weight\":1}],\"prior\":0.5},"
        + "{\"item_id\":\"ad-boots\",\"kind\":\"ITEM_KIND_AD\",\"topics\":[{\"topic_id\":587,\"weight\":1}],\"prior\":0.3},"
        + "{\"item_id\":\"ad-sofa\",\"kind\":\"ITEM_KIND_AD\",\"topics\":[{\"topic_id\":489,\"weight\":1}],\"prior\":0.4}]}";
    Tool.Result r = Tool.bufCurl("-d", request,
        base + "/chatsignal.v1.ScoringService/ScoreCandidates");
    assertEquals(0, r.exitCode(), r.output());
    return r;
  }

  private static String firstItem(String json) {
    Matcher m = Pattern.compile("\"itemId\": \"([^\"]+)\"").matcher(json);
    return m.find() ? m.group(1) : "";
  }

  private static double metric(JarProcess jar, String series) throws Exception {
    for (String line : jar.http("/metrics").body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip());
      }
    }
    return 0;
  }
}
