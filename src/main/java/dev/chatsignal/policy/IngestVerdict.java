package dev.chatsignal.policy;

/** Whether an interaction may enter a profile, before its content is looked at. */
public enum IngestVerdict {
  /** May be used. */
  ALLOWED,
  /** From an excluded or unknown region: never stored. */
  WITHHELD_REGION,
  /** A chat from before the effective date: never stored. */
  WITHHELD_BEFORE_EFFECTIVE_DATE
}
