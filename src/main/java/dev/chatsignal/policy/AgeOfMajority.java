package dev.chatsignal.policy;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The age below which a person counts as a minor for ads, by country. Most countries use 18; the
 * default table lists the ones whose age of majority is higher, with the statute behind each in
 * docs/policy.md. Where a country's contract or data-consent age is lower than its age of majority
 * (New Zealand, Singapore, Indonesia), the table keeps the higher one: doubt fails closed.
 *
 * <p>Written as {@code *=18,TH=20,...}: {@code *} is every country not listed. Immutable.
 *
 * @param defaultAge the age of majority of countries not listed
 * @param byCountry upper-case ISO 3166-1 alpha-2 code to its age of majority
 */
public record AgeOfMajority(int defaultAge, Map<String, Integer> byCountry) {
  static final int MIN_AGE = 13;
  static final int MAX_AGE = 25;
  /** The table in force by default; each entry is cited in docs/policy.md. */
  public static final String DEFAULT_TABLE =
      "*=18,DZ=19,KR=19,NZ=20,TH=20,BH=21,CM=21,EG=21,ID=21,KW=21,SG=21";
  public static final AgeOfMajority DEFAULT = parse(DEFAULT_TABLE);

  public AgeOfMajority {
    check("*", defaultAge);
    byCountry.forEach(AgeOfMajority::check);
    byCountry = Map.copyOf(byCountry);
  }

  /** The age of majority for ads in {@code countryCode} (an upper-case code, or null when unknown). */
  public int ageIn(String countryCode) {
    return countryCode == null ? defaultAge : byCountry.getOrDefault(countryCode, defaultAge);
  }

  /**
   * Reads {@code *=18,TH=20}: comma-separated {@code CODE=age}; {@code *} (required) is the default.
   *
   * @throws IllegalArgumentException naming the entry that breaks a rule
   */
  public static AgeOfMajority parse(String table) {
    Integer fallback = null;
    Map<String, Integer> ages = new TreeMap<>();
    for (String raw : table.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("age of majority entry '" + entry + "' (expected: CODE=age or *=age)");
      }
      String code = entry.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      int age;
      try {
        age = Integer.parseInt(entry.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("age of majority entry '" + entry + "' (expected: an integer age)");
      }
      if (code.equals("*")) {
        fallback = age;
      } else if (code.length() == 2 && Character.isLetter(code.charAt(0)) && Character.isLetter(code.charAt(1))) {
        ages.put(code, age);
      } else {
        throw new IllegalArgumentException("age of majority entry '" + entry
            + "' (expected: an ISO 3166-1 alpha-2 code or *)");
      }
    }
    if (fallback == null) {
      throw new IllegalArgumentException("age of majority table '" + table + "' (expected: a *=age default entry)");
    }
    return new AgeOfMajority(fallback, ages);
  }

  private static void check(String code, int age) {
    if (age < MIN_AGE || age > MAX_AGE) {
      throw new IllegalArgumentException("age of majority " + code + "=" + age
          + " (expected: " + MIN_AGE + ".." + MAX_AGE + ")");
    }
  }
}
