package dev.chatsignal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.SensitiveCategory;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivacyPolicyTest {
  private static final Instant EFFECTIVE = Instant.parse("2025-12-16T00:00:00Z");
  private final PrivacyPolicy policy = new PrivacyPolicy(PolicyConfig.defaults());

  @Test
  void effectiveDate_isInclusive_andAppliesToChatsOnly() {
    assertEquals(IngestVerdict.WITHHELD_BEFORE_EFFECTIVE_DATE, policy.ingest("US", EFFECTIVE.minusNanos(1), true));
    assertEquals(IngestVerdict.ALLOWED, policy.ingest("US", EFFECTIVE, true));
    assertEquals(IngestVerdict.ALLOWED, policy.ingest("US", EFFECTIVE.minusSeconds(86400), false));
  }

  @Test
  void region_isCheckedBeforeDate() {
    assertEquals(IngestVerdict.WITHHELD_REGION, policy.ingest("DE", EFFECTIVE.minusSeconds(1), true));
    assertEquals(IngestVerdict.WITHHELD_REGION, policy.ingest("", EFFECTIVE, false));
  }

  @Test
  void requestDecision_followsRegionThenContextThenAge() {
    assertEquals(Reason.REGION_UNKNOWN, policy.request("??", Surface.ADS, AgeBand.MINOR, true).reason());
    assertEquals(Reason.REGION_EXCLUDED, policy.request("FR", Surface.FEED, AgeBand.ADULT, true).reason());
    assertEquals(Reason.SENSITIVE_CONTEXT, policy.request("US", Surface.ADS, AgeBand.MINOR, true).reason());
    assertEquals(Reason.MINOR, policy.request("US", Surface.ADS, AgeBand.MINOR, false).reason());
    assertEquals(Reason.AGE_UNKNOWN, policy.request("US", Surface.ADS, AgeBand.UNSPECIFIED, false).reason());
    assertEquals(Decision.PERSONALIZE, policy.request("US", Surface.ADS, AgeBand.ADULT, false));
    assertEquals(Decision.PERSONALIZE, policy.request("US", Surface.REELS, AgeBand.MINOR, false));
    assertEquals(Decision.PERSONALIZE, policy.request("US", Surface.GROUPS, AgeBand.UNSPECIFIED, false));
  }

  @Test
  void itemDecision_restrictsOnlyAds() {
    assertEquals(Reason.MINOR, policy.item(ItemKind.AD, AgeBand.MINOR).reason());
    assertEquals(Reason.AGE_UNKNOWN, policy.item(ItemKind.AD, AgeBand.UNSPECIFIED).reason());
    assertEquals(Decision.PERSONALIZE, policy.item(ItemKind.REEL, AgeBand.MINOR));
  }

  @Test
  void sensitiveIn_keepsOnlyConfiguredCategories() {
    PrivacyPolicy healthOnly = new PrivacyPolicy(new PolicyConfig("v", Set.of(), Map.of(), EFFECTIVE,
        EnumSet.of(SensitiveCategory.HEALTH)));
    Classification both = new Classification(List.of(),
        Set.of(SensitiveCategory.HEALTH, SensitiveCategory.POLITICAL_OPINION));
    assertEquals(Set.of(SensitiveCategory.HEALTH), healthOnly.sensitiveIn(both));
    assertEquals(Set.of(SensitiveCategory.HEALTH, SensitiveCategory.POLITICAL_OPINION), policy.sensitiveIn(both));
  }
}
