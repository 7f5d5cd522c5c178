package dev.chatsignal.policy;

import dev.chatsignal.topics.SensitiveCategory;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The privacy rules as configuration. {@link #defaults()} holds the rules of SPEC section 2.
 *
 * @param version stamped on every response, e.g. {@code policy-2025-12-16.1}
 * @param excludedRegions ISO 3166-1 alpha-2 codes whose chats are never stored and whose requests are
 *     never personalized
 * @param regionAliases non-ISO spellings accepted for a code, e.g. {@code UK -> GB}
 * @param effectiveDate chats with an event time before this instant are never used (inclusive start)
 * @param sensitiveCategories categories that withhold a chat turn and make a context sensitive
 * @param ageOfMajority the age below which a user with a known age is a minor for ads, by country
 */
public record PolicyConfig(
    String version,
    Set<String> excludedRegions,
    Map<String, String> regionAliases,
    Instant effectiveDate,
    Set<SensitiveCategory> sensitiveCategories,
    AgeOfMajority ageOfMajority) {

  /** EU-27, EU outermost regions with their own codes, EEA, the United Kingdom and South Korea. */
  public static final Set<String> DEFAULT_EXCLUDED_REGIONS = Set.of(
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
      "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
      "GF", "GP", "MQ", "RE", "YT", "MF", "AX",
      "IS", "LI", "NO",
      "GB",
      "KR");
  public static final Instant DEFAULT_EFFECTIVE_DATE = Instant.parse("2025-12-16T00:00:00Z");
  public static final String DEFAULT_VERSION = "policy-2025-12-16.1";

  public PolicyConfig {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version: '" + version + "' (expected: non-blank)");
    }
    excludedRegions = Set.copyOf(excludedRegions);
    regionAliases = Map.copyOf(regionAliases);
    if (effectiveDate == null) {
      throw new IllegalArgumentException("effectiveDate: null (expected: an instant)");
    }
    sensitiveCategories = Set.copyOf(sensitiveCategories);
    if (ageOfMajority == null) {
      throw new IllegalArgumentException("ageOfMajority: null (expected: a table)");
    }
    // requests are looked up under the canonical code, so an entry under an alias would never apply
    for (String code : ageOfMajority.byCountry().keySet()) {
      if (regionAliases.containsKey(code)) {
        throw new IllegalArgumentException("age of majority entry " + code + " is an alias of "
            + regionAliases.get(code) + " (expected: " + regionAliases.get(code) + "=age)");
      }
    }
  }

  /** The same rules with the default age-of-majority table. */
  public PolicyConfig(String version, Set<String> excludedRegions, Map<String, String> regionAliases,
      Instant effectiveDate, Set<SensitiveCategory> sensitiveCategories) {
    this(version, excludedRegions, regionAliases, effectiveDate, sensitiveCategories, AgeOfMajority.DEFAULT);
  }

  public static PolicyConfig defaults() {
    return new PolicyConfig(
        DEFAULT_VERSION,
        DEFAULT_EXCLUDED_REGIONS,
        Map.of("UK", "GB"),
        DEFAULT_EFFECTIVE_DATE,
        EnumSet.allOf(SensitiveCategory.class),
        AgeOfMajority.DEFAULT);
  }
}
