package dev.chatsignal.scoring;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.Decision;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.Reason;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TopicWeight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Scores one candidate against an {@link InterestVector}:
 * {@code score = prior + surfaceWeight * clamp(sum over candidate topics of weight * reach, -1, 1)},
 * where a suppressed candidate topic counts {@code -suppressionPenalty * weight} instead.
 *
 * <p>Ads (an AD item, or any item on the ads surface) never use ads-sensitive topics: not from the
 * profile (the vector is built without them) and not from the item; an ad whose topics are all
 * sensitive keeps its prior with reason AD_TOPICS_SENSITIVE. Ads shown to minors or unknown ages on
 * a mixed surface keep their prior too.
 */
final class CandidateScorer {
  private final Taxonomy taxonomy;
  private final PrivacyPolicy policy;
  private final ItemTextTopics itemText;
  private final ScoringConfig config;
  /** Surface weights by ordinal: read per candidate, so no map lookup. */
  private final double[] surfaceWeights;

  CandidateScorer(Taxonomy taxonomy, PrivacyPolicy policy, ItemTextTopics itemText, ScoringConfig config) {
    this.taxonomy = taxonomy;
    this.policy = policy;
    this.itemText = itemText;
    this.config = config;
    this.surfaceWeights = new double[Surface.values().length];
    for (Surface surface : Surface.values()) {
      surfaceWeights[surface.ordinal()] = config.surfaceWeights().get(surface);
    }
  }

  /** A budget for classifying candidate texts inline, one per scoring call. */
  ItemTextTopics.Budget textBudget() {
    return itemText.budget();
  }

  /**
   * @param ads the vector without ads-sensitive topics, built on first use (most requests have no ad)
   * @param textBudget the call's inline budget for candidate texts not classified yet
   */
  ScoredItem score(
      Candidate c, Surface surface, AgeBand age, InterestVector general, Supplier<InterestVector> ads,
      Profile profile, Instant now, boolean explain, ItemTextTopics.Budget textBudget) {
    boolean isAd = c.kind() == ItemKind.AD || surface == Surface.ADS;
    if (c.kind() == ItemKind.AD) {
      Decision item = policy.item(c.kind(), age);
      if (!item.personalize()) {
        return new ScoredItem(c.itemId(), c.prior(), false, item.reason(), List.of());
      }
    }
    List<TopicWeight> topics = c.topics();
    if (topics.isEmpty() && !c.text().isEmpty()) {
      ItemTextTopics.ItemTopics text = itemText.classify(c.text(), textBudget);
      if (isAd && text.sensitive()) {
        return new ScoredItem(c.itemId(), c.prior(), false, Reason.AD_TOPICS_SENSITIVE, List.of());
      }
      topics = text.topics();
    }
    InterestVector vector = isAd ? ads.get() : general;
    double weight = surfaceWeights[surface.ordinal()];
    double sum = 0;
    int usable = 0;
    List<Contribution> parts = null;
    for (int i = 0, n = topics.size(); i < n; i++) {
      TopicWeight t = topics.get(i);
      int topic = t.topicId();
      if (isAd && taxonomy.isAdsSensitive(topic)) {
        continue;
      }
      usable++;
      double amount;
      SignalSource source;
      int via;
      String app = null;
      boolean noise = false;
      if (suppressed(profile, topic, now)) {
        amount = -config.suppressionPenalty() * t.weight();
        source = null;
        via = topic;
      } else {
        double reach = vector.reach(topic);
        if (reach <= 0) {
          continue;
        }
        amount = t.weight() * reach;
        source = vector.matchedSource();
        via = vector.matchedTopic();
        app = vector.matchedApp();
        noise = vector.matchedNoise();
      }
      sum += amount;
      if (explain) {
        if (parts == null) {
          parts = new ArrayList<>(4);
        }
        parts.add(new Contribution(topic, source, amount * weight, via, app, noise));
      }
    }
    if (isAd && usable == 0 && !topics.isEmpty()) {
      return new ScoredItem(c.itemId(), c.prior(), false, Reason.AD_TOPICS_SENSITIVE, List.of());
    }
    double boost = weight * Math.max(-1, Math.min(1, sum));
    boolean personalized = boost != 0;
    List<Contribution> explanation = List.of();
    if (parts != null && personalized) {
      parts.sort((x, y) -> Double.compare(Math.abs(y.amount()), Math.abs(x.amount())));
      explanation = parts.subList(0, Math.min(config.maxExplanations(), parts.size()));
    }
    return new ScoredItem(c.itemId(), c.prior() + boost, personalized, Reason.PERSONALIZED, explanation);
  }

  private boolean suppressed(Profile profile, int topicId, Instant now) {
    if (profile.suppressedUntilMillis().isEmpty()) {
      return false;
    }
    for (int t = topicId; t != 0; t = taxonomy.parentOf(t)) {
      if (profile.isSuppressed(t, now)) {
        return true;
      }
    }
    return false;
  }
}
