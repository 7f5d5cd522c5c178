package dev.chatsignal.scoring;

import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.topics.TopicWeight;
import java.util.List;

/**
 * An item to rank. When {@code topics} is empty, {@code text} is classified (and cached) instead.
 *
 * @param prior the caller's non-personalized score, finite, higher is better
 */
public record Candidate(String itemId, ItemKind kind, List<TopicWeight> topics, String text, double prior) {
  public Candidate {
    topics = List.copyOf(topics);
    text = text == null ? "" : text;
  }
}
