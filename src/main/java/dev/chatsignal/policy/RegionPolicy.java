package dev.chatsignal.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies a country code as allowed, excluded or unknown.
 *
 * <p>Known codes are the officially assigned ISO 3166-1 alpha-2 codes that the JDK knows; user-assigned
 * or reserved codes such as {@code XK}, {@code EU} or {@code ZZ} are unknown, and unknown means
 * excluded (fail closed). Codes are trimmed and compared case-insensitively; aliases (by default
 * {@code UK -> GB}) are resolved before the lookup. Immutable and thread-safe.
 */
public final class RegionPolicy {
  private static final Set<String> ASSIGNED =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  private final Set<String> excluded;
  private final Map<String, String> aliases;

  public RegionPolicy(Set<String> excluded, Map<String, String> aliases) {
    for (String code : excluded) {
      if (!ASSIGNED.contains(code)) {
        throw new IllegalArgumentException(
            "excluded region: " + code + " (expected: an assigned ISO 3166-1 alpha-2 code)");
      }
    }
    this.excluded = Set.copyOf(excluded);
    this.aliases = Map.copyOf(aliases);
  }

  /**
   * @param country the caller's country field, possibly null or blank
   * @return its status; never null
   */
  public RegionStatus classify(String country) {
    String code = normalize(country);
    if (code == null || !ASSIGNED.contains(code)) {
      return RegionStatus.UNKNOWN;
    }
    return excluded.contains(code) ? RegionStatus.EXCLUDED : RegionStatus.ALLOWED;
  }

  /** The canonical upper-case code after alias resolution, or null when malformed. */
  public String normalize(String country) {
    if (country == null) {
      return null;
    }
    String code = country.strip().toUpperCase(Locale.ROOT);
    code = aliases.getOrDefault(code, code);
    if (code.length() != 2 || !Character.isLetter(code.charAt(0)) || !Character.isLetter(code.charAt(1))) {
      return null;
    }
    return code;
  }
}
