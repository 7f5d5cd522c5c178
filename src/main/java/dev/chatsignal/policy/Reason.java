package dev.chatsignal.policy;

/** Why a response or an item is, or is not, personalized. */
public enum Reason {
  PERSONALIZED,
  REGION_EXCLUDED,
  REGION_UNKNOWN,
  SENSITIVE_CONTEXT,
  MINOR,
  AGE_UNKNOWN,
  NO_PROFILE,
  AD_TOPICS_SENSITIVE,
  STORE_UNAVAILABLE;

  private final String tag = name().toLowerCase(java.util.Locale.ROOT);

  /** Lowercase name for metric tags. */
  public String tag() {
    return tag;
  }
}
