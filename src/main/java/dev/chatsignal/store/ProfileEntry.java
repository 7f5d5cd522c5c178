package dev.chatsignal.store;

/**
 * One (topic, source, app) weight of a profile, as it was at {@code updatedAtMillis}; read it through
 * {@link DecayPolicy#weightAt} to get today's value.
 *
 * @param topicId taxonomy topic id
 * @param source where the signal came from
 * @param app the app the signal happened in ({@link Apps#DEFAULT} when the caller named none)
 * @param weight accumulated weight at {@code updatedAtMillis}, > 0
 * @param updatedAtMillis epoch milliseconds of the last reinforcement
 */
public record ProfileEntry(int topicId, SignalSource source, String app, double weight, long updatedAtMillis) {
  public ProfileEntry {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight: " + weight + " (expected: finite and > 0)");
    }
    Apps.requireValid(app);
  }
}
