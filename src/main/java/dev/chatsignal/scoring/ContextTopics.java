package dev.chatsignal.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.TextClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Classifications of request contexts (the conversation a user is in), remembered for a few minutes:
 * a ranker asks for several rankings while the same conversation is open, and the sentence model costs
 * milliseconds per text. The cache is keyed by a SHA-256 digest of the text, so no chat text is kept;
 * only the derived topics and sensitive categories are, as long as an entry lives. Thread-safe.
 */
final class ContextTopics {
  /** How long a context's classification is reused: about one conversation. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** The first 128 bits of the text's SHA-256. */
  private record Key(long high, long low) {}

  private final TextClassifier classifier;
  private final Cache<Key, Classification> cache;

  ContextTopics(TextClassifier classifier, long maxEntries, MeterRegistry registry) {
    this.classifier = classifier;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(LIFETIME).recordStats().build();
    CaffeineCacheMetrics.monitor(registry, cache, "context_text");
  }

  Classification classify(String text) {
    return cache.get(key(text), k -> classifier.classify(text));
  }

  private static Key key(String text) {
    try {
      ByteBuffer digest = ByteBuffer.wrap(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      return new Key(digest.getLong(), digest.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
