package dev.chatsignal.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.TextClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Classifications of candidate texts (items sent without topics), computed once per distinct text
 * and kept in a bounded Caffeine cache: the same catalogue items are ranked over and over.
 */
final class ItemTextTopics {
  private final TextClassifier classifier;
  private final Cache<String, Classification> cache;

  ItemTextTopics(TextClassifier classifier, long maxEntries, MeterRegistry registry) {
    this.classifier = classifier;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
    CaffeineCacheMetrics.monitor(registry, cache, "item_text");
  }

  Classification classify(String text) {
    return cache.get(text, classifier::classify);
  }
}
