package dev.chatsignal.scoring;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.Decision;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.Reason;
import dev.chatsignal.policy.RegionStatus;
import dev.chatsignal.policy.ShadowPolicy;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.store.StoreException;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicAffinity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Ranks a candidate batch for one user: policy first, then the profile, then each candidate.
 *
 * <p>The policy decision needs no profile, so a non-personalized request never reads the store. A
 * non-personalized ranking orders by prior; a personalized one by score; ties keep input order.
 * Thread-safe.
 */
public final class ScoringEngine {
  private final PrivacyPolicy policy;
  private final ProfileStore store;
  private final DecayPolicy decay;
  private final Taxonomy taxonomy;
  private final TopicAffinity affinity;
  private final CandidateScorer scorer;
  private final Summaries summaries;
  private final ContextTopics contextTopics;
  private final ShadowPolicy shadow;
  private final AdNoise noise;
  private final Clock clock;
  /** Cancellation is checked every 16 candidates: cheap, and prompt even with slow text candidates. */
  private static final int CANCEL_CHECK_MASK = 15;

  private final Map<Surface, Map<Reason, Counter>> decisions = new EnumMap<>(Surface.class);
  private final Counter afterCancel;

  public ScoringEngine(
      PrivacyPolicy policy, ProfileStore store, DecayPolicy decay, Taxonomy taxonomy, TopicAffinity affinity,
      TextClassifier classifier, ScoringConfig config, Clock clock, MeterRegistry registry) {
    this(policy, ShadowPolicy.none(), AdNoise.off(), store, decay, taxonomy, affinity, classifier, config, clock,
        registry);
  }

  /**
   * @param shadow a candidate policy whose decisions are counted, never applied
   * @param noise privacy noise on ads ({@link AdNoise#off()} by default)
   */
  public ScoringEngine(
      PrivacyPolicy policy, ShadowPolicy shadow, AdNoise noise, ProfileStore store, DecayPolicy decay,
      Taxonomy taxonomy, TopicAffinity affinity, TextClassifier classifier, ScoringConfig config, Clock clock,
      MeterRegistry registry) {
    this.policy = policy;
    this.shadow = shadow;
    this.noise = noise;
    this.summaries = new Summaries(taxonomy);
    this.store = store;
    this.decay = decay;
    this.taxonomy = taxonomy;
    this.affinity = affinity;
    this.clock = clock;
    ItemTextTopics itemText = new ItemTextTopics(classifier, config, registry);
    this.contextTopics = new ContextTopics(classifier, config.textCacheSize(), registry);
    this.scorer = new CandidateScorer(taxonomy, policy, itemText, config);
    this.afterCancel = Counter.builder("chatsignal.batches.after.cancel")
        .description("Batches whose work completed although their call was already cancelled (should stay 0)")
        .tag("rpc", "score").register(registry);
    for (Surface surface : Surface.values()) {
      Map<Reason, Counter> byReason = new EnumMap<>(Reason.class);
      for (Reason reason : Reason.values()) {
        byReason.put(reason, Counter.builder("chatsignal.scoring.decisions")
            .description("Scoring responses, by surface and personalization reason")
            .tag("surface", surface.name().toLowerCase(java.util.Locale.ROOT))
            .tag("reason", reason.tag())
            .register(registry));
      }
      decisions.put(surface, byReason);
    }
  }

  public ScoreResult score(ScoreRequest request) {
    return score(request, () -> false);
  }

  /**
   * Scores a request, checking {@code cancelled} as it goes: when the caller gave up or its deadline
   * passed, the work stops and nothing is returned.
   *
   * @throws CancellationException when cancelled before the ranking was complete
   */
  public ScoreResult score(ScoreRequest request, BooleanSupplier cancelled) {
    // The context is looked at only when it can change the answer: never for an excluded or unknown
    // region (whose text is not classified at all, not even for a shadow policy) or a flagged context.
    boolean classifyContext = !request.contextText().isEmpty() && !request.contextSensitive()
        && policy.region(request.country()) == RegionStatus.ALLOWED;
    Classification context = classifyContext ? contextTopics.classify(request.contextText()) : Classification.EMPTY;
    boolean sensitiveContext = request.contextSensitive() || !policy.sensitiveIn(context).isEmpty();
    AgeBand age = policy.ageBand(request.ageBand(), request.ageYears(), request.country());
    Decision decision = policy.request(request.country(), request.surface(), age, sensitiveContext);
    shadow.candidate().ifPresent(candidate -> compareShadow(candidate, request, context, decision, age));
    ScoreResult result = decision.personalize() ? personalized(request, age, cancelled)
        : nonPersonalized(request, decision);
    if (cancelled.getAsBoolean()) {
      afterCancel.increment();
    }
    decisions.get(request.surface()).get(result.decision().reason()).increment();
    return result;
  }

  /**
   * Counts what the shadow policy would have decided for the request and, inside a personalized
   * mixed surface, for its ads.
   */
  private void compareShadow(
      PrivacyPolicy candidate, ScoreRequest request, Classification context, Decision decision, AgeBand age) {
    boolean sensitive = request.contextSensitive() || !candidate.sensitiveIn(context).isEmpty();
    AgeBand shadowAge = candidate.ageBand(request.ageBand(), request.ageYears(), request.country());
    Decision shadowDecision = candidate.request(request.country(), request.surface(), shadowAge, sensitive);
    shadow.compare("score", decision, shadowDecision);
    if (decision.personalize() && shadowDecision.personalize() && request.surface() != Surface.ADS
        && request.candidates().stream().anyMatch(c -> c.kind() == ItemKind.AD)) {
      shadow.compare("score_ads_in_feed", policy.item(ItemKind.AD, age), candidate.item(ItemKind.AD, shadowAge));
    }
  }

  /** With {@code explain}, each returned item gets its summary sentence (after the cut to the limit). */
  private List<ScoredItem> summarized(List<ScoredItem> ranked, ScoreRequest request, Profile profile, Instant now) {
    if (!request.explain()) {
      return ranked;
    }
    List<ScoredItem> items = new ArrayList<>(ranked.size());
    for (ScoredItem item : ranked) {
      items.add(item.withSummary(summaries.of(item, profile, request.app(), now)));
    }
    return items;
  }

  private ScoreResult personalized(ScoreRequest request, AgeBand age, BooleanSupplier cancelled) {
    Profile profile;
    try {
      profile = store.get(request.userId());
    } catch (StoreException e) {
      return nonPersonalized(request, Decision.fallback(Reason.STORE_UNAVAILABLE));
    }
    Instant now = clock.instant();
    Set<String> apps = request.allowedApps();
    InterestVector general = InterestVector.of(profile, now, decay, taxonomy, affinity, false, apps, 0);
    if (general.isEmpty() && profile.suppressedUntilMillis().values().stream().noneMatch(u -> u > now.toEpochMilli())) {
      return nonPersonalized(request, Decision.fallback(Reason.NO_PROFILE));
    }
    Supplier<InterestVector> ads = new Supplier<>() {
      private InterestVector built;

      @Override
      public InterestVector get() {
        if (built == null) {
          built = InterestVector.of(profile, now, decay, taxonomy, affinity, true, apps,
              noise.topicFor(request.userId(), now));
        }
        return built;
      }
    };
    List<ScoredItem> items = new ArrayList<>(request.candidates().size());
    List<Candidate> candidates = request.candidates();
    ItemTextTopics.Budget textBudget = scorer.textBudget();
    for (int i = 0; i < candidates.size(); i++) {
      if ((i & CANCEL_CHECK_MASK) == 0 && cancelled.getAsBoolean()) {
        throw new CancellationException("scoring cancelled after " + i + " candidates");
      }
      items.add(scorer.score(candidates.get(i), request.surface(), age, general, ads, profile, now,
          request.explain(), textBudget));
    }
    return new ScoreResult(summarized(rank(items, request.limit()), request, profile, now), Decision.PERSONALIZE);
  }

  private static ScoreResult nonPersonalized(ScoreRequest request, Decision decision) {
    List<ScoredItem> items = new ArrayList<>(request.candidates().size());
    String summary = request.explain() ? Summaries.forReason(decision.reason()) : "";
    for (Candidate c : request.candidates()) {
      items.add(new ScoredItem(c.itemId(), c.prior(), false, decision.reason(), List.of(), summary));
    }
    return new ScoreResult(rank(items, request.limit()), decision);
  }

  /** Sorts by score, best first; {@link List#sort} is stable, so ties keep input order. */
  private static List<ScoredItem> rank(List<ScoredItem> items, int limit) {
    items.sort((a, b) -> Double.compare(b.score(), a.score()));
    return limit > 0 && limit < items.size() ? items.subList(0, limit) : items;
  }
}
