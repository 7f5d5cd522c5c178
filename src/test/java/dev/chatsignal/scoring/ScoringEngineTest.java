package dev.chatsignal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PolicyConfig;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.Reason;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.InMemoryStore;
import dev.chatsignal.store.LocalProfileRepository;
import dev.chatsignal.store.ProfileOp;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.testing.FakeTicker;
import dev.chatsignal.testing.MutableClock;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TopicAffinity;
import dev.chatsignal.topics.TopicWeight;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringEngineTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final int OUTDOORS = 201;
  private static final int HIKING = 472;
  private static final int POLITICS = 247;

  private final ProfileStore store =
      new ProfileStore(new LocalProfileRepository(new InMemoryStore(), DecayPolicy.defaults(), 64), 1 << 20,
          new FakeTicker(), new SimpleMeterRegistry());
  private final ScoringEngine engine = new ScoringEngine(new PrivacyPolicy(PolicyConfig.defaults()), store,
      DecayPolicy.defaults(), TAXONOMY, TopicAffinity.loadDefault(TAXONOMY), new LexiconClassifier(TAXONOMY),
      ScoringConfig.defaults(), new MutableClock(T), new SimpleMeterRegistry());

  private void profile(String user, int topic, SignalSource source) {
    reinforce(user, topic, source, 1.0);
  }

  private void reinforce(String user, int topic, SignalSource source, double amount) {
    store.apply(user, new ProfileOp(null, List.of(new ProfileOp.Reinforcement(topic, source, amount, T.toEpochMilli())),
        List.of()), T);
  }

  private static Candidate item(String id, ItemKind kind, double prior, int topic) {
    return new Candidate(id, kind, List.of(new TopicWeight(topic, 1)), "", prior);
  }

  private ScoreResult score(String user, Surface surface, Candidate... candidates) {
    return engine.score(new ScoreRequest(user, "US", AgeBand.ADULT, surface, List.of(candidates), "", false, 0, true));
  }

  private static ScoredItem find(ScoreResult r, String id) {
    return r.items().stream().filter(i -> i.itemId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void hierarchy_reachesParentsAndChildrenAtHalfStrength() {
    profile("u", HIKING, SignalSource.CHAT);
    ScoreResult r = score("u", Surface.FEED, item("exact", ItemKind.POST, 0, HIKING),
        item("parent", ItemKind.POST, 0, OUTDOORS));
    assertEquals(find(r, "exact").score() / 2, find(r, "parent").score(), 1e-9);
    profile("v", OUTDOORS, SignalSource.FOLLOW);
    ScoreResult child = score("v", Surface.FEED, item("exact", ItemKind.POST, 0, OUTDOORS),
        item("child", ItemKind.POST, 0, HIKING));
    assertEquals(find(child, "exact").score() / 2, find(child, "child").score(), 1e-9);
  }

  @Test
  void explanation_namesTheProfileTopicAndItsDominantSource() {
    profile("u", HIKING, SignalSource.FOLLOW);
    reinforce("u", HIKING, SignalSource.WATCH, 0.1);
    Contribution why = score("u", Surface.ADS, item("boots", ItemKind.AD, 0, 587)).items().get(0).explanation().get(0);
    assertEquals(587, why.topicId());
    assertEquals(HIKING, why.profileTopicId());
    assertEquals(SignalSource.FOLLOW, why.source());
  }

  @Test
  void sensitiveProfileTopic_helpsPostsButNeverAds() {
    profile("u", POLITICS, SignalSource.FOLLOW);
    ScoreResult feed = score("u", Surface.FEED, item("post", ItemKind.POST, 0, POLITICS),
        item("ad-in-feed", ItemKind.AD, 0, POLITICS));
    assertTrue(find(feed, "post").personalized());
    assertFalse(find(feed, "ad-in-feed").personalized());
    assertEquals(Reason.AD_TOPICS_SENSITIVE, find(feed, "ad-in-feed").reason());
  }

  @Test
  void textOnlyAdWithSensitiveText_isNotPersonalized() {
    profile("u", HIKING, SignalSource.CHAT);
    Candidate ad = new Candidate("rx", ItemKind.AD, List.of(), "Diabetes medication for hikers, ask your doctor", 0.2);
    ScoredItem item = score("u", Surface.ADS, ad).items().get(0);
    assertEquals(Reason.AD_TOPICS_SENSITIVE, item.reason());
    assertEquals(0.2, item.score(), 1e-9);
  }

  @Test
  void textOnlyAd_pastTheInlineBudget_isRankedByItsPriorUntilClassified() {
    profile("u", HIKING, SignalSource.CHAT);
    ScoringConfig d = ScoringConfig.defaults();
    ScoringEngine noBudget = new ScoringEngine(new PrivacyPolicy(PolicyConfig.defaults()), store,
        DecayPolicy.defaults(), TAXONOMY, TopicAffinity.loadDefault(TAXONOMY), new LexiconClassifier(TAXONOMY),
        new ScoringConfig(d.surfaceWeights(), d.suppressionPenalty(), d.maxExplanations(), d.textCacheSize(),
            java.time.Duration.ZERO),
        new MutableClock(T), new SimpleMeterRegistry());
    Candidate ad = new Candidate("boots", ItemKind.AD, List.of(), "Waterproof hiking boots for the trail", 0.2);
    ScoredItem item = noBudget.score(new ScoreRequest("u", "US", AgeBand.ADULT, Surface.ADS, List.of(ad), "",
        false, 0, false)).items().get(0);
    assertFalse(item.personalized(), item.toString());
    assertEquals(0.2, item.score(), 1e-9);
    // with the default budget the same ad is classified inline and reaches the hiking profile
    assertTrue(score("u", Surface.ADS, ad).items().get(0).personalized());
  }

  @Test
  void contextText_classifiedSensitive_fallsBack() {
    profile("u", HIKING, SignalSource.CHAT);
    ScoreResult r = engine.score(new ScoreRequest("u", "US", AgeBand.ADULT, Surface.FEED,
        List.of(item("a", ItemKind.POST, 0, HIKING)), "my chemotherapy starts monday", false, 0, false));
    assertEquals(Reason.SENSITIVE_CONTEXT, r.decision().reason());
  }

  @Test
  void emptyProfileAfterDecay_isNoProfile() {
    Profile empty = Profile.EMPTY;
    assertTrue(empty.isEmpty());
    assertEquals(Reason.NO_PROFILE, score("nobody", Surface.FEED, item("a", ItemKind.POST, 0, HIKING))
        .decision().reason());
  }
}
