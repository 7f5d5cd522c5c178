package dev.chatsignal.scoring;

import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileEntry;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TopicAffinity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A profile read at one instant, spread over the taxonomy: for every topic a candidate may carry,
 * how strongly the user's interests reach it.
 *
 * <p>A profile topic's strength is {@code 1 - exp(-w)} of its decayed weight summed over sources, so
 * it saturates at 1. It reaches itself fully, its ancestors at half strength per level, and the
 * targets of its topic-affinity edges at strength times edge weight; candidate topics below a profile
 * topic are found by walking up from the candidate ({@link #reach}). For ads the vector is built
 * without ads-sensitive topics on either side. Suppressed topics reach nothing.
 */
final class InterestVector {
  private static final double LEVEL_FACTOR = 0.5;

  private final Map<Integer, Reach> reach;
  private final Map<Integer, Reach> direct;
  private final Taxonomy taxonomy;

  private InterestVector(Map<Integer, Reach> reach, Map<Integer, Reach> direct, Taxonomy taxonomy) {
    this.reach = reach;
    this.direct = direct;
    this.taxonomy = taxonomy;
  }

  static InterestVector of(
      Profile profile, Instant now, DecayPolicy decay, Taxonomy taxonomy, TopicAffinity affinity, boolean forAds) {
    Map<Integer, Double> totals = new HashMap<>();
    Map<Integer, SignalSource> dominant = new HashMap<>();
    Map<Integer, Double> dominantWeight = new HashMap<>();
    for (ProfileEntry e : profile.entries()) {
      int topic = e.topicId();
      if (profile.isSuppressed(topic, now) || (forAds && taxonomy.isAdsSensitive(topic))) {
        continue;
      }
      double w = decay.weightAt(e, now);
      totals.merge(topic, w, Double::sum);
      if (w > dominantWeight.getOrDefault(topic, 0.0)) {
        dominantWeight.put(topic, w);
        dominant.put(topic, e.source());
      }
    }
    Map<Integer, Reach> direct = new HashMap<>();
    Map<Integer, Reach> reach = new HashMap<>();
    totals.forEach((topic, total) -> {
      double strength = 1 - Math.exp(-total);
      if (strength < 1e-4) {
        return;
      }
      Reach self = new Reach(strength, topic, dominant.get(topic));
      direct.put(topic, self);
      reach.merge(topic, self, Reach::max);
      double s = strength;
      for (int a = taxonomy.parentOf(topic); a != 0; a = taxonomy.parentOf(a)) {
        s *= LEVEL_FACTOR;
        reach.merge(a, new Reach(s, topic, self.source()), Reach::max);
      }
      for (TopicAffinity.AffinityEdge edge : affinity.edgesFrom(topic)) {
        if (forAds && taxonomy.isAdsSensitive(edge.targetTopicId())) {
          continue;
        }
        reach.merge(edge.targetTopicId(), new Reach(strength * edge.weight(), topic, self.source()), Reach::max);
      }
    });
    return new InterestVector(reach, direct, taxonomy);
  }

  boolean isEmpty() {
    return direct.isEmpty();
  }

  /** The strongest reach of the user's interests to {@code topicId}, or null when none. */
  Reach reach(int topicId) {
    Reach best = reach.get(topicId);
    double factor = 1;
    for (int a = taxonomy.parentOf(topicId); a != 0; a = taxonomy.parentOf(a)) {
      factor *= LEVEL_FACTOR;
      Reach above = direct.get(a);
      if (above != null) {
        Reach viaParent = new Reach(above.strength() * factor, above.profileTopicId(), above.source());
        best = best == null ? viaParent : best.max(viaParent);
      }
    }
    return best;
  }
}
