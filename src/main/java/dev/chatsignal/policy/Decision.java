package dev.chatsignal.policy;

/**
 * A policy decision for one scoring request or item: personalize or not, and why.
 */
public record Decision(boolean personalize, Reason reason) {
  public static final Decision PERSONALIZE = new Decision(true, Reason.PERSONALIZED);

  public Decision {
    if (personalize != (reason == Reason.PERSONALIZED)) {
      throw new IllegalArgumentException(
          "reason: " + reason + " (expected: PERSONALIZED exactly when personalize is true)");
    }
  }

  public static Decision fallback(Reason reason) {
    return new Decision(false, reason);
  }
}
