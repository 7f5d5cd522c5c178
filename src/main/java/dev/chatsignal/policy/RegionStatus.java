package dev.chatsignal.policy;

/** How the region policy treats a country code. */
public enum RegionStatus {
  /** An assigned ISO code outside the excluded list: signals may be used. */
  ALLOWED,
  /** An excluded region (EU/EEA, UK, South Korea by default). */
  EXCLUDED,
  /** Missing, malformed or unassigned: treated as excluded (fail closed). */
  UNKNOWN
}
