package dev.chatsignal.scoring;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.Decision;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.Reason;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TopicScore;
import dev.chatsignal.topics.TopicWeight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

  CandidateScorer(Taxonomy taxonomy, PrivacyPolicy policy, ItemTextTopics itemText, ScoringConfig config) {
    this.taxonomy = taxonomy;
    this.policy = policy;
    this.itemText = itemText;
    this.config = config;
  }

  ScoredItem score(
      Candidate c, Surface surface, AgeBand age, InterestVector general, InterestVector ads,
      dev.chatsignal.store.Profile profile, Instant now, boolean explain) {
    boolean isAd = c.kind() == ItemKind.AD || surface == Surface.ADS;
    Decision item = policy.item(c.kind(), age);
    if (!item.personalize()) {
      return new ScoredItem(c.itemId(), c.prior(), false, item.reason(), List.of());
    }
    List<TopicWeight> topics = topicsOf(c, isAd);
    if (topics == null) {
      return new ScoredItem(c.itemId(), c.prior(), false, Reason.AD_TOPICS_SENSITIVE, List.of());
    }
    InterestVector vector = isAd ? ads : general;
    double sum = 0;
    List<Contribution> parts = explain ? new ArrayList<>() : null;
    double weight = config.surfaceWeights().get(surface);
    for (TopicWeight t : topics) {
      if (suppressed(profile, t.topicId(), now)) {
        double penalty = -config.suppressionPenalty() * t.weight();
        sum += penalty;
        if (explain) {
          parts.add(new Contribution(t.topicId(), null, penalty * weight, t.topicId()));
        }
        continue;
      }
      Reach r = vector.reach(t.topicId());
      if (r == null) {
        continue;
      }
      double amount = t.weight() * r.strength();
      sum += amount;
      if (explain) {
        parts.add(new Contribution(t.topicId(), r.source(), amount * weight, r.profileTopicId()));
      }
    }
    double boost = weight * Math.max(-1, Math.min(1, sum));
    boolean personalized = boost != 0;
    List<Contribution> explanation = List.of();
    if (explain && personalized) {
      parts.sort(Comparator.comparingDouble((Contribution p) -> -Math.abs(p.amount())));
      explanation = parts.subList(0, Math.min(config.maxExplanations(), parts.size()));
    }
    return new ScoredItem(c.itemId(), c.prior() + boost, personalized, Reason.PERSONALIZED, explanation);
  }

  /** The topics to score on; null when the item is an ad whose topics are all ads-sensitive. */
  private List<TopicWeight> topicsOf(Candidate c, boolean isAd) {
    List<TopicWeight> topics = c.topics();
    if (topics.isEmpty() && !c.text().isEmpty()) {
      Classification classification = itemText.classify(c.text());
      if (isAd && classification.isSensitive()) {
        return null;
      }
      topics = new ArrayList<>();
      for (TopicScore s : classification.topics()) {
        topics.add(new TopicWeight(s.topicId(), s.confidence()));
      }
    }
    if (!isAd || topics.isEmpty()) {
      return topics;
    }
    List<TopicWeight> usable = new ArrayList<>(topics.size());
    for (TopicWeight t : topics) {
      if (!taxonomy.isAdsSensitive(t.topicId())) {
        usable.add(t);
      }
    }
    return usable.isEmpty() ? null : usable;
  }

  private boolean suppressed(dev.chatsignal.store.Profile profile, int topicId, Instant now) {
    for (int t = topicId; t != 0; t = taxonomy.parentOf(t)) {
      if (profile.isSuppressed(t, now)) {
        return true;
      }
    }
    return false;
  }
}
