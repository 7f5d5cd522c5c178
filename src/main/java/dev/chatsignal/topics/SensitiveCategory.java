package dev.chatsignal.topics;

/**
 * A special category of personal data (GDPR Art. 9 and its equivalents). A chat turn that reveals any
 * of them contributes nothing to a profile; only a per-category count is kept.
 */
public enum SensitiveCategory {
  HEALTH,
  RELIGION_OR_BELIEF,
  POLITICAL_OPINION,
  SEX_LIFE_OR_ORIENTATION,
  RACIAL_OR_ETHNIC_ORIGIN,
  TRADE_UNION_MEMBERSHIP,
  BIOMETRIC,
  GENETIC;

  /** Lowercase name for metric tags and resource files, e.g. {@code religion_or_belief}. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
