package dev.chatsignal.ingest;

/** What happened to one interaction. */
public enum IngestOutcome {
  STORED,
  DUPLICATE,
  WITHHELD_SENSITIVE,
  WITHHELD_REGION,
  WITHHELD_BEFORE_EFFECTIVE_DATE,
  REJECTED;

  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
