package dev.chatsignal.scoring;

import dev.chatsignal.policy.Surface;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much personalization may move a score.
 *
 * @param surfaceWeights the most a perfect topic match adds to an item's prior, per surface, >= 0
 * @param suppressionPenalty subtracted per unit of weight of a suppressed candidate topic, >= 0
 * @param maxExplanations contributions returned per explained item
 * @param textCacheSize distinct candidate texts whose classification is cached
 */
public record ScoringConfig(
    Map<Surface, Double> surfaceWeights, double suppressionPenalty, int maxExplanations, long textCacheSize,
    Duration itemTextBudget) {
  public ScoringConfig {
    surfaceWeights = Map.copyOf(surfaceWeights);
    for (Surface surface : Surface.values()) {
      Double w = surfaceWeights.get(surface);
      if (w == null || !(w >= 0) || w.isInfinite()) {
        throw new IllegalArgumentException("surfaceWeights[" + surface + "]: " + w + " (expected: finite >= 0)");
      }
    }
    if (itemTextBudget == null || itemTextBudget.isNegative()) {
      throw new IllegalArgumentException("itemTextBudget: " + itemTextBudget + " (expected: >= 0)");
    }
    if (!(suppressionPenalty >= 0)) {
      throw new IllegalArgumentException("suppressionPenalty: " + suppressionPenalty + " (expected: >= 0)");
    }
  }

  /**
   * Feed, Reels and Groups 1.0, Ads 1.0; suppression penalty 1.0; 3 explanations; 100k texts; 5 ms of
   * inline candidate-text classification per call (one or two texts with the sentence embedding; the
   * rest are classified in the background, see ItemTextTopics).
   */
  public static ScoringConfig defaults() {
    Map<Surface, Double> weights = new EnumMap<>(Surface.class);
    for (Surface surface : Surface.values()) {
      weights.put(surface, 1.0);
    }
    return new ScoringConfig(weights, 1.0, 3, 100_000, Duration.ofMillis(5));
  }
}
