package dev.chatsignal.api;

import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.threeAds;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.Surface;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A candidate policy in shadow: responses come from the enforced policy, metrics count the differences. */
class ShadowPolicyTest {
  private static final Map<String, String> CANDIDATE = Map.of(
      "CHATSIGNAL_SHADOW_POLICY_VERSION", "policy-2026-12-01.1",
      "CHATSIGNAL_SHADOW_EXCLUDED_REGIONS", "GB,KR,BR",
      "CHATSIGNAL_SHADOW_AGE_OF_MAJORITY", "*=18,US=21",
      "CHATSIGNAL_SHADOW_SENSITIVE_CATEGORIES", "health");

  private static ScoreCandidatesResponse score(TestServer server, ScoreCandidatesRequest request) {
    return server.scoring().scoreCandidates(request);
  }

  private static double differences(TestServer server, String rpc, String rule, String enforced, String shadow) {
    return server.counter("chatsignal.shadow.differences", "rpc", rpc, "rule", rule, "enforced", enforced,
        "shadow", shadow);
  }

  @Test
  void responses_areTheEnforcedPolicys_whileShadowMetricsCountWhereTheCandidateDiffers() {
    ScoreCandidatesRequest brazil = threeAds("u-br", "BR").build();
    ScoreCandidatesRequest france = threeAds("u-fr", "FR").build();
    ScoreCandidatesRequest us20 = threeAds("u-us", "US").setAgeYears(20).build();
    ScoreCandidatesResponse brazilPlain;
    ScoreCandidatesResponse francePlain;
    ScoreCandidatesResponse usPlain;
    try (TestServer plain = TestServer.inMemory()) {
      plain.interactions().ingestInteractions(batch(chat("c1", "u-br", "BR", NOW, HIKING_CHAT),
          chat("c2", "u-us", "US", NOW, HIKING_CHAT)));
      brazilPlain = score(plain, brazil);
      francePlain = score(plain, france);
      usPlain = score(plain, us20);
    }
    try (TestServer shadowed = TestServer.with(CANDIDATE)) {
      shadowed.interactions().ingestInteractions(batch(chat("c1", "u-br", "BR", NOW, HIKING_CHAT),
          chat("c2", "u-us", "US", NOW, HIKING_CHAT)));
      assertEquals(brazilPlain, score(shadowed, brazil), "the enforced policy answers, byte for byte");
      assertEquals(francePlain, score(shadowed, france));
      assertEquals(usPlain, score(shadowed, us20));
      assertEquals("policy-2025-12-16.1", score(shadowed, brazil).getPolicyVersion());

      assertEquals(2.0, differences(shadowed, "score", "region", "personalized", "region_excluded"),
          "Brazil, scored twice, would be excluded by the candidate");
      assertEquals(1.0, differences(shadowed, "score", "region", "region_excluded", "personalized"),
          "France would be personalized by the candidate");
      assertEquals(1.0, differences(shadowed, "score", "age", "personalized", "minor"),
          "a 20-year-old is a minor under the candidate's US=21");
      assertEquals(4.0, shadowed.counter("chatsignal.shadow.decisions", "rpc", "score"));
      assertEquals(1.0, differences(shadowed, "ingest", "region", "allowed", "withheld_region"),
          "the Brazilian chat would not have been stored");
    }
  }

  @Test
  void aNarrowerSensitiveCategoryList_showsInIngestAndContextDifferences() {
    try (TestServer shadowed = TestServer.with(CANDIDATE)) {
      IngestInteractionsResponse r = shadowed.interactions().ingestInteractions(batch(
          chat("p1", "u", "US", NOW, "Who should I vote for in the senate election, the democrat or the republican?")));
      assertEquals(Outcome.OUTCOME_WITHHELD_SENSITIVE, r.getResults(0).getOutcome(), "enforced: all categories");
      assertEquals(1.0, differences(shadowed, "ingest", "sensitive", "withheld_sensitive", "allowed"));

      ScoreCandidatesResponse context = score(shadowed, threeAds("u", "US")
          .setContext(RequestContext.newBuilder().setText("what do you think about the republican party"))
          .build());
      assertEquals(dev.chatsignal.v1.Reason.REASON_SENSITIVE_CONTEXT, context.getReason());
      assertEquals(1.0, differences(shadowed, "score", "sensitive", "sensitive_context", "personalized"),
          "the comparison is of policy decisions, made before any profile is read");
    }
  }

  @Test
  void agreeingDecisions_areCountedAsCompared_notAsDifferences() {
    try (TestServer shadowed = TestServer.with(CANDIDATE)) {
      shadowed.interactions().ingestInteractions(batch(chat("c1", "u", "CA", NOW, HIKING_CHAT)));
      score(shadowed, threeAds("u", "CA").setAgeBand(AgeBand.AGE_BAND_ADULT).build());
      assertEquals(1.0, shadowed.counter("chatsignal.shadow.decisions", "rpc", "score"));
      assertEquals(0, shadowed.server.registry().find("chatsignal.shadow.differences").counters().size());
      assertEquals(1.0, shadowed.server.registry().find("chatsignal.policy.info")
          .tags("role", "shadow", "version", "policy-2026-12-01.1").gauge().value());
    }
  }

  @Test
  void feedAds_ofAMinorUnderTheCandidate_areCountedPerRequest() {
    try (TestServer shadowed = TestServer.with(CANDIDATE)) {
      shadowed.interactions().ingestInteractions(batch(chat("c1", "u", "US", NOW, HIKING_CHAT)));
      score(shadowed, threeAds("u", "US").setSurface(Surface.SURFACE_FEED).setAgeYears(19).build());
      assertEquals(1.0, differences(shadowed, "score_ads_in_feed", "age", "personalized", "minor"));
    }
  }

  @Test
  void withoutAShadowVersion_nothingIsEvaluated() {
    try (TestServer plain = TestServer.inMemory()) {
      plain.interactions().ingestInteractions(batch(chat("c1", "u", "BR", NOW, HIKING_CHAT)));
      score(plain, threeAds("u", "BR").build());
      assertEquals(0, plain.server.registry().find("chatsignal.shadow.decisions").counters().size());
    }
  }

  @Test
  void aShadowWithTheEnforcedVersion_isAConfigurationError() {
    var e = assertThrows(RuntimeException.class, () -> TestServer.with(Map.of(
        "CHATSIGNAL_SHADOW_POLICY_VERSION", "policy-2025-12-16.1")));
    assertTrue(String.valueOf(e.getMessage()).contains("CHATSIGNAL_SHADOW_POLICY_VERSION"), e.getMessage());
  }

  @Test
  void aBeforeEffectiveDateChat_underAnEarlierCandidateDate_isCountedOnTheDateRule() {
    Map<String, String> settings = Map.of("CHATSIGNAL_SHADOW_POLICY_VERSION", "policy-early",
        "CHATSIGNAL_SHADOW_EFFECTIVE_DATE", "2025-06-01T00:00:00Z");
    try (TestServer shadowed = TestServer.with(settings)) {
      shadowed.interactions().ingestInteractions(batch(
          chat("old", "u", "US", Instant.parse("2025-09-01T00:00:00Z"), HIKING_CHAT)));
      assertEquals(1.0, differences(shadowed, "ingest", "effective_date", "withheld_before_effective_date",
          "allowed"));
    }
  }
}
