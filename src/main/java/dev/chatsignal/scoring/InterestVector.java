package dev.chatsignal.scoring;

import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileEntry;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TopicAffinity;
import java.time.Instant;
import java.util.Set;

/**
 * A profile read at one instant, spread over the taxonomy: for every topic a candidate may carry,
 * how strongly the user's interests reach it.
 *
 * <p>A profile topic's strength is {@code 1 - exp(-w)} of its decayed weight summed over sources, so
 * it saturates at 1. It reaches itself fully, its ancestors at half strength per level, and the
 * targets of its topic-affinity edges at strength times edge weight; candidate topics below a profile
 * topic are found by walking up from the candidate ({@link #reach}). For ads the vector is built
 * without ads-sensitive topics on either side. Suppressed topics reach nothing. Only the signals of
 * the allowed apps (the current one and the linked ones) count.
 *
 * <p>Privacy noise (ads only): when a noise topic is given, the strongest profile topic's weight is
 * moved to it, so that the user's top ad interest is replaced by a random one; matches through it
 * report {@link #matchedNoise()}.
 *
 * <p>Dense arrays indexed by topic id (a few KB) keep the per-candidate lookups free of boxing and
 * allocation. Not thread-safe: one vector serves one request on one thread ({@link #reach} leaves the
 * matched profile topic, source and app in {@link #matchedTopic()}, {@link #matchedSource()} and
 * {@link #matchedApp()}).
 */
final class InterestVector {
  private static final double LEVEL_FACTOR = 0.5;

  private final Taxonomy taxonomy;
  private final double[] reachStrength;
  private final int[] reachTopic;
  private final SignalSource[] reachSource;
  private final String[] reachApp;
  private final double[] directStrength;
  private final SignalSource[] directSource;
  private final String[] directApp;
  private boolean empty = true;
  private int noiseTopic;
  private int matchedTopic;
  private SignalSource matchedSource;
  private String matchedApp;

  private InterestVector(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    int size = taxonomy.maxId() + 1;
    this.reachStrength = new double[size];
    this.reachTopic = new int[size];
    this.reachSource = new SignalSource[size];
    this.reachApp = new String[size];
    this.directStrength = new double[size];
    this.directSource = new SignalSource[size];
    this.directApp = new String[size];
  }

  /**
   * @param apps the apps whose signals may be used
   * @param noiseTopic for ads, the topic that replaces the strongest one (privacy noise), 0 for none
   */
  static InterestVector of(
      Profile profile, Instant now, DecayPolicy decay, Taxonomy taxonomy, TopicAffinity affinity, boolean forAds,
      Set<String> apps, int noiseTopic) {
    InterestVector v = new InterestVector(taxonomy);
    int size = v.directStrength.length;
    double[] dominantWeight = new double[size];
    for (ProfileEntry e : profile.entries()) {
      int topic = e.topicId();
      if (topic < 0 || topic >= size || !apps.contains(e.app()) || profile.isSuppressed(topic, now)
          || (forAds && taxonomy.isAdsSensitive(topic))) {
        continue;
      }
      double w = decay.weightAt(e, now);
      v.directStrength[topic] += w; // the summed weight for now; turned into a strength below
      if (w > dominantWeight[topic]) {
        dominantWeight[topic] = w;
        v.directSource[topic] = e.source();
        v.directApp[topic] = e.app();
      }
    }
    if (noiseTopic > 0 && noiseTopic < size) {
      v.replaceTop(noiseTopic);
    }
    for (int topic = 0; topic < size; topic++) {
      double total = v.directStrength[topic];
      if (total <= 0) {
        continue;
      }
      double strength = 1 - Math.exp(-total);
      if (strength < 1e-4) {
        v.directStrength[topic] = 0;
        continue;
      }
      v.directStrength[topic] = strength;
      v.empty = false;
      SignalSource source = v.directSource[topic];
      String app = v.directApp[topic];
      v.offer(topic, strength, topic, source, app);
      double s = strength;
      for (int a = taxonomy.parentOf(topic); a != 0; a = taxonomy.parentOf(a)) {
        s *= LEVEL_FACTOR;
        v.offer(a, s, topic, source, app);
      }
      for (TopicAffinity.AffinityEdge edge : affinity.edgesFrom(topic)) {
        if (!forAds || !taxonomy.isAdsSensitive(edge.targetTopicId())) {
          v.offer(edge.targetTopicId(), strength * edge.weight(), topic, source, app);
        }
      }
    }
    return v;
  }

  /** Moves the strongest topic's summed weight to {@code noise} (before strengths are computed). */
  private void replaceTop(int noise) {
    int top = 0;
    for (int topic = 1; topic < directStrength.length; topic++) {
      if (directStrength[topic] > directStrength[top]) {
        top = topic;
      }
    }
    if (directStrength[top] <= 0 || top == noise) {
      return;
    }
    directStrength[noise] += directStrength[top];
    directSource[noise] = directSource[top];
    directApp[noise] = directApp[top];
    directStrength[top] = 0;
    noiseTopic = noise;
  }

  private void offer(int target, double strength, int profileTopic, SignalSource source, String app) {
    if (target >= 0 && target < reachStrength.length && strength > reachStrength[target]) {
      reachStrength[target] = strength;
      reachTopic[target] = profileTopic;
      reachSource[target] = source;
      reachApp[target] = app;
    }
  }

  boolean isEmpty() {
    return empty;
  }

  /**
   * The strongest reach of the user's interests to {@code topicId}, 0 when none; on a match, the
   * profile topic and source it came through are in {@link #matchedTopic()} and {@link #matchedSource()}.
   */
  double reach(int topicId) {
    if (topicId < 0 || topicId >= reachStrength.length) {
      return 0;
    }
    double best = reachStrength[topicId];
    matchedTopic = reachTopic[topicId];
    matchedSource = reachSource[topicId];
    matchedApp = reachApp[topicId];
    double factor = 1;
    for (int a = taxonomy.parentOf(topicId); a != 0; a = taxonomy.parentOf(a)) {
      factor *= LEVEL_FACTOR;
      double viaParent = directStrength[a] * factor;
      if (viaParent > best) {
        best = viaParent;
        matchedTopic = a;
        matchedSource = directSource[a];
        matchedApp = directApp[a];
      }
    }
    return best;
  }

  int matchedTopic() {
    return matchedTopic;
  }

  SignalSource matchedSource() {
    return matchedSource;
  }

  String matchedApp() {
    return matchedApp;
  }

  /** True when the last match came through the privacy-noise topic. */
  boolean matchedNoise() {
    return noiseTopic != 0 && matchedTopic == noiseTopic;
  }
}
