package dev.chatsignal.policy;

/** The user's age band as known to the caller. {@link #UNSPECIFIED} counts as a minor for ads. */
public enum AgeBand {
  UNSPECIFIED,
  MINOR,
  ADULT
}
