package dev.chatsignal.topics;

/**
 * A topic found in a text, with the classifier's confidence in (0, 1].
 */
public record TopicScore(int topicId, double confidence) {
  public TopicScore {
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence: " + confidence + " (expected: in (0, 1])");
    }
  }
}
