package dev.chatsignal.ingest;

import dev.chatsignal.store.SignalSource;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How interactions become profile weights.
 *
 * @param sourceWeights multiplier of a topic's weight or confidence per source, in (0, 1]
 * @param minChatConfidence chat topics below this classifier confidence are ignored
 * @param suppression how long HIDE and NOT_INTERESTED suppress an item's topics
 * @param maxTopics top-K bound of a profile (distinct topics kept)
 */
public record IngestConfig(
    Map<SignalSource, Double> sourceWeights, double minChatConfidence, Duration suppression, int maxTopics) {
  public IngestConfig {
    sourceWeights = Map.copyOf(sourceWeights);
    for (SignalSource source : SignalSource.values()) {
      Double w = sourceWeights.get(source);
      if (w == null || !(w > 0 && w <= 1)) {
        throw new IllegalArgumentException("sourceWeights[" + source + "]: " + w + " (expected: in (0, 1])");
      }
    }
    if (maxTopics < 1) {
      throw new IllegalArgumentException("maxTopics: " + maxTopics + " (expected: >= 1)");
    }
  }

  public static IngestConfig defaults() {
    Map<SignalSource, Double> weights = new EnumMap<>(SignalSource.class);
    weights.put(SignalSource.CHAT, 1.0);
    weights.put(SignalSource.FOLLOW, 0.8);
    weights.put(SignalSource.JOIN_GROUP, 0.8);
    weights.put(SignalSource.SHARE, 0.7);
    weights.put(SignalSource.COMMENT, 0.6);
    weights.put(SignalSource.LIKE, 0.5);
    weights.put(SignalSource.WATCH, 0.3);
    return new IngestConfig(weights, 0.3, Duration.ofDays(30), 64);
  }
}
