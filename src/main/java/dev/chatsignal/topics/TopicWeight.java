package dev.chatsignal.topics;

/**
 * A taxonomy topic with a strength in (0, 1], as sent by callers for items and engagements.
 */
public record TopicWeight(int topicId, double weight) {
  public TopicWeight {
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight: " + weight + " (expected: in (0, 1])");
    }
  }
}
