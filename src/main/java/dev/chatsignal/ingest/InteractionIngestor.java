package dev.chatsignal.ingest;

import dev.chatsignal.policy.IngestVerdict;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.ShadowPolicy;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.store.UserOps;
import dev.chatsignal.topics.SensitiveCategory;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Turns a batch of validated interactions into profile updates, one outcome per interaction.
 *
 * <p>Order per interaction: region and date rules, then content (sensitive content is withheld, only
 * its category counted), then idempotency and the profile write. All users of a batch are written in
 * one atomic, durable commit: when {@link #ingest} returns, every STORED interaction survives a crash;
 * when the store fails it throws and nothing is acknowledged. Thread-safe.
 */
public final class InteractionIngestor {
  /** Shadow-comparison outcomes of the content check. */
  private static final String ALLOWED = "allowed";
  private static final String WITHHELD_SENSITIVE = "withheld_sensitive";

  private final PrivacyPolicy policy;
  private final ShadowPolicy shadow;
  private final ProfileStore store;
  private final Clock clock;
  private final DeltaExtractor extractor;
  private final Map<String, Map<IngestOutcome, Counter>> outcomes = new LinkedHashMap<>();
  private final Map<SensitiveCategory, Counter> withheld = new EnumMap<>(SensitiveCategory.class);
  private final Counter afterCancel;

  public InteractionIngestor(
      PrivacyPolicy policy, TextClassifier classifier, Taxonomy taxonomy, ProfileStore store,
      IngestConfig config, Clock clock, MeterRegistry registry) {
    this(policy, ShadowPolicy.none(), classifier, taxonomy, store, config, clock, registry);
  }

  /** @param shadow a candidate policy whose decisions are counted, never applied */
  public InteractionIngestor(
      PrivacyPolicy policy, ShadowPolicy shadow, TextClassifier classifier, Taxonomy taxonomy, ProfileStore store,
      IngestConfig config, Clock clock, MeterRegistry registry) {
    this.policy = policy;
    this.shadow = shadow;
    this.store = store;
    this.clock = clock;
    this.extractor = new DeltaExtractor(classifier, taxonomy, config);
    for (String kind : List.of("chat", "engagement")) {
      Map<IngestOutcome, Counter> byOutcome = new EnumMap<>(IngestOutcome.class);
      for (IngestOutcome outcome : IngestOutcome.values()) {
        byOutcome.put(outcome, Counter.builder("chatsignal.ingest.interactions")
            .description("Interactions ingested, by signal kind and outcome")
            .tag("kind", kind).tag("outcome", outcome.tag()).register(registry));
      }
      outcomes.put(kind, byOutcome);
    }
    this.afterCancel = Counter.builder("chatsignal.batches.after.cancel")
        .description("Batches whose work completed although their call was already cancelled (should stay 0)")
        .tag("rpc", "ingest").register(registry);
    for (SensitiveCategory category : SensitiveCategory.values()) {
      withheld.put(category, Counter.builder("chatsignal.sensitive.withheld")
          .description("Interactions withheld because they revealed a sensitive category")
          .tag("category", category.tag()).register(registry));
    }
  }

  /** Counts a rejection made at the edge, so that every interaction shows up in the metrics. */
  public void countRejected(boolean chat) {
    outcomes.get(chat ? "chat" : "engagement").get(IngestOutcome.REJECTED).increment();
  }

  /**
   * @param batch validated interactions, possibly of several users
   * @return one result per interaction, in order
   * @throws dev.chatsignal.store.StoreException when the store fails; nothing was stored
   */
  public List<IngestResult> ingest(List<Interaction> batch) {
    return ingest(batch, () -> false);
  }

  /**
   * As {@link #ingest(List)}, but stops before the store write when {@code cancelled} turns true (the
   * caller gave up or its deadline passed): nothing is stored and nothing is acknowledged.
   *
   * @throws CancellationException when the call was cancelled before the commit
   */
  public List<IngestResult> ingest(List<Interaction> batch, BooleanSupplier cancelled) {
    Instant now = clock.instant();
    PrivacyPolicy candidate = shadow.candidate().orElse(null);
    IngestResult[] results = new IngestResult[batch.size()];
    Map<String, List<Integer>> byUser = new LinkedHashMap<>();
    ProfileDelta[] deltas = new ProfileDelta[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Interaction interaction = batch.get(i);
      IngestVerdict verdict = policy.ingest(interaction.country(), interaction.eventTime(), interaction.isChat());
      IngestVerdict shadowVerdict = candidate == null ? null
          : candidate.ingest(interaction.country(), interaction.eventTime(), interaction.isChat());
      if (shadowVerdict != null && (verdict != IngestVerdict.ALLOWED || shadowVerdict != IngestVerdict.ALLOWED)) {
        compareShadow(verdict, shadowVerdict);
      }
      if (verdict == IngestVerdict.WITHHELD_REGION) {
        results[i] = new IngestResult(IngestOutcome.WITHHELD_REGION, "country: excluded or unknown region");
        continue;
      }
      if (verdict == IngestVerdict.WITHHELD_BEFORE_EFFECTIVE_DATE) {
        results[i] = new IngestResult(IngestOutcome.WITHHELD_BEFORE_EFFECTIVE_DATE,
            "event_time: before the effective date");
        continue;
      }
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("ingest cancelled before the store write");
      }
      ProfileDelta delta = extractor.extract(interaction, now);
      Set<SensitiveCategory> sensitive = policy.sensitiveIn(delta.revealed());
      if (shadowVerdict == IngestVerdict.ALLOWED) {
        boolean shadowSensitive = !candidate.sensitiveIn(delta.revealed()).isEmpty();
        shadow.compareIngest(sensitive.isEmpty() ? ALLOWED : WITHHELD_SENSITIVE,
            shadowSensitive ? WITHHELD_SENSITIVE : ALLOWED, "sensitive");
      }
      if (!sensitive.isEmpty()) {
        sensitive.forEach(c -> withheld.get(c).increment());
        results[i] = new IngestResult(IngestOutcome.WITHHELD_SENSITIVE, "sensitive categories: "
            + sensitive.stream().map(SensitiveCategory::tag).sorted().collect(Collectors.joining(",")));
        continue;
      }
      deltas[i] = delta;
      byUser.computeIfAbsent(interaction.userId(), u -> new ArrayList<>()).add(i);
    }
    if (!byUser.isEmpty()) {
      List<UserOps> ops = new ArrayList<>(byUser.size());
      byUser.forEach((user, indices) -> ops.add(new UserOps(user,
          indices.stream().map(i -> deltas[i].toOp(batch.get(i).interactionId(), batch.get(i).app())).toList())));
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("ingest cancelled before the store write");
      }
      List<List<Boolean>> applied = store.apply(ops, now);
      if (cancelled.getAsBoolean()) {
        afterCancel.increment();
      }
      int u = 0;
      for (List<Integer> indices : byUser.values()) {
        List<Boolean> flags = applied.get(u++);
        for (int k = 0; k < indices.size(); k++) {
          results[indices.get(k)] = flags.get(k) ? IngestResult.STORED : IngestResult.DUPLICATE;
        }
      }
    }
    for (int i = 0; i < results.length; i++) {
      outcomes.get(batch.get(i).isChat() ? "chat" : "engagement").get(results[i].outcome()).increment();
    }
    return List.of(results);
  }

  /**
   * Counts a region or date decision against the shadow policy. When either policy withholds on those
   * rules the content is never classified (text from an excluded region is not looked at, even in
   * shadow), so a policy that would let it through is counted as {@code allowed}.
   */
  private void compareShadow(IngestVerdict enforced, IngestVerdict candidate) {
    boolean region = enforced == IngestVerdict.WITHHELD_REGION || candidate == IngestVerdict.WITHHELD_REGION;
    shadow.compareIngest(tag(enforced), tag(candidate), region ? "region" : "effective_date");
  }

  private static String tag(IngestVerdict verdict) {
    return verdict.name().toLowerCase(Locale.ROOT);
  }
}
