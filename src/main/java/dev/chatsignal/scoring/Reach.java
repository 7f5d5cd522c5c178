package dev.chatsignal.scoring;

import dev.chatsignal.store.SignalSource;

/**
 * How strongly a user's interests reach one taxonomy topic, and through which profile topic.
 *
 * @param strength in (0, 1]
 */
record Reach(double strength, int profileTopicId, SignalSource source) {
  Reach max(Reach other) {
    return other == null || strength >= other.strength ? this : other;
  }
}
