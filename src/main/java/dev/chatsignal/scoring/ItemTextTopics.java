package dev.chatsignal.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicScore;
import dev.chatsignal.topics.TopicWeight;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;

/**
 * Classifications of candidate texts (items sent without topics), computed once per distinct text
 * and kept in a bounded Caffeine cache, already in the form the scorer reads: the same catalogue items
 * are ranked over and over.
 */
final class ItemTextTopics {
  /**
   * What a candidate text is about.
   *
   * @param topics its topics as item topic weights (the classifier's confidences), best first
   * @param sensitive true when the text reveals a sensitive category
   */
  record ItemTopics(List<TopicWeight> topics, boolean sensitive) {}

  private final TextClassifier classifier;
  private final Cache<String, ItemTopics> cache;

  ItemTextTopics(TextClassifier classifier, long maxEntries, MeterRegistry registry) {
    this.classifier = classifier;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
    CaffeineCacheMetrics.monitor(registry, cache, "item_text");
  }

  ItemTopics classify(String text) {
    return cache.get(text, this::load);
  }

  private ItemTopics load(String text) {
    Classification classification = classifier.classify(text);
    List<TopicWeight> topics = classification.topics().stream()
        .map((TopicScore s) -> new TopicWeight(s.topicId(), s.confidence())).toList();
    return new ItemTopics(topics, classification.isSensitive());
  }
}
