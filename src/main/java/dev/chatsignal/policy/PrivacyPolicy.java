package dev.chatsignal.policy;

import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.SensitiveCategory;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of SPEC section 2 applied to ingestion and scoring. Every method fails closed: when in
 * doubt the answer is "do not personalize" or "do not store". Immutable and thread-safe.
 */
public final class PrivacyPolicy {
  private final PolicyConfig config;
  private final RegionPolicy regions;

  public PrivacyPolicy(PolicyConfig config) {
    this.config = config;
    this.regions = new RegionPolicy(config.excludedRegions(), config.regionAliases());
  }

  public String version() {
    return config.version();
  }

  public RegionStatus region(String country) {
    return regions.classify(country);
  }

  /**
   * Decides whether an interaction may be stored, from its region and time.
   *
   * @param isChat the date rule applies to assistant chats only
   */
  public IngestVerdict ingest(String country, Instant eventTime, boolean isChat) {
    if (region(country) != RegionStatus.ALLOWED) {
      return IngestVerdict.WITHHELD_REGION;
    }
    if (isChat && eventTime.isBefore(config.effectiveDate())) {
      return IngestVerdict.WITHHELD_BEFORE_EFFECTIVE_DATE;
    }
    return IngestVerdict.ALLOWED;
  }

  /** The configured sensitive categories present in a classification (empty when none). */
  public Set<SensitiveCategory> sensitiveIn(Classification classification) {
    return sensitiveIn(classification.sensitiveCategories());
  }

  /** The configured sensitive categories among {@code categories} (empty when none). */
  public Set<SensitiveCategory> sensitiveIn(Set<SensitiveCategory> categories) {
    Set<SensitiveCategory> found = EnumSet.noneOf(SensitiveCategory.class);
    for (SensitiveCategory category : categories) {
      if (config.sensitiveCategories().contains(category)) {
        found.add(category);
      }
    }
    return found;
  }

  /**
   * The age band the ad rules use: the caller's band and, when the age in years is known, the band
   * that age gives under the country's age of majority; the stricter wins (an unspecified band adds
   * nothing when the age is known, and decides alone when it is not).
   *
   * @param ageYears the age in years, 0 when unknown
   */
  public AgeBand ageBand(AgeBand band, int ageYears, String country) {
    if (ageYears <= 0) {
      return band;
    }
    AgeBand byYears = ageYears < config.ageOfMajority().ageIn(regions.normalize(country))
        ? AgeBand.MINOR : AgeBand.ADULT;
    return band == AgeBand.MINOR ? AgeBand.MINOR : byYears;
  }

  /**
   * Decides a whole scoring request. Checked in order: region, sensitive context, age on ad surfaces.
   *
   * @param age the band from {@link #ageBand}
   * @param contextSensitive true when the caller flagged the context or its text classified sensitive
   */
  public Decision request(String country, Surface surface, AgeBand age, boolean contextSensitive) {
    switch (region(country)) {
      case UNKNOWN:
        return Decision.fallback(Reason.REGION_UNKNOWN);
      case EXCLUDED:
        return Decision.fallback(Reason.REGION_EXCLUDED);
      default:
        break;
    }
    if (contextSensitive) {
      return Decision.fallback(Reason.SENSITIVE_CONTEXT);
    }
    if (surface == Surface.ADS) {
      return adAge(age);
    }
    return Decision.PERSONALIZE;
  }

  /**
   * Decides one item inside a personalized response: ads shown to minors or unknown ages on a mixed
   * surface (e.g. an ad in the feed) are not personalized.
   */
  public Decision item(ItemKind kind, AgeBand age) {
    return kind == ItemKind.AD ? adAge(age) : Decision.PERSONALIZE;
  }

  private static Decision adAge(AgeBand age) {
    switch (age) {
      case ADULT:
        return Decision.PERSONALIZE;
      case MINOR:
        return Decision.fallback(Reason.MINOR);
      default:
        return Decision.fallback(Reason.AGE_UNKNOWN);
    }
  }
}
