package dev.chatsignal.topics;

import java.util.List;
import java.util.Set;

/**
 * What a text is about: its topics, best first, and every sensitive category it reveals.
 */
public record Classification(List<TopicScore> topics, Set<SensitiveCategory> sensitiveCategories) {
  public static final Classification EMPTY = new Classification(List.of(), Set.of());

  public Classification {
    topics = List.copyOf(topics);
    sensitiveCategories = Set.copyOf(sensitiveCategories);
  }

  /** True when the text reveals at least one sensitive category. */
  public boolean isSensitive() {
    return !sensitiveCategories.isEmpty();
  }
}
