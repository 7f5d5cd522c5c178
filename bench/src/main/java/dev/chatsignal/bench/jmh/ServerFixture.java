package dev.chatsignal.bench.jmh;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.bench.calls.HikingScenario;
import dev.chatsignal.ingest.IngestConfig;
import dev.chatsignal.ingest.IngestOutcome;
import dev.chatsignal.ingest.IngestResult;
import dev.chatsignal.ingest.Interaction;
import dev.chatsignal.ingest.InteractionIngestor;
import dev.chatsignal.ingest.Signal;
import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PolicyConfig;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.scoring.Candidate;
import dev.chatsignal.scoring.ScoreRequest;
import dev.chatsignal.scoring.ScoringConfig;
import dev.chatsignal.scoring.ScoringEngine;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.InMemoryStore;
import dev.chatsignal.store.LocalProfileRepository;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicAffinity;
import dev.chatsignal.topics.TopicWeight;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's domain objects wired as {@code dev.chatsignal.server.Main.compose} wires them (default
 * policy, taxonomy, affinity map, decay, scoring config; the in-memory store; a system clock), with the
 * hiking user's chat turn already ingested, so benchmarks measure the production objects without gRPC.
 */
final class ServerFixture {
  static final String USER = HikingScenario.USER;

  final Taxonomy taxonomy = Taxonomy.loadDefault();
  final TextClassifier classifier = new LexiconClassifier(taxonomy);
  final ProfileStore store;
  final ScoringEngine engine;

  /** 256 MiB of profile cache, the server's default. */
  ServerFixture() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopicAffinity affinity = TopicAffinity.loadDefault(taxonomy);
    PrivacyPolicy policy = new PrivacyPolicy(PolicyConfig.defaults());
    DecayPolicy decay = DecayPolicy.defaults();
    Clock clock = Clock.systemUTC();
    store = new ProfileStore(new LocalProfileRepository(new InMemoryStore(), decay, 64), 256L << 20, Ticker.systemTicker(), registry);
    InteractionIngestor ingestor = new InteractionIngestor(policy, classifier, taxonomy, store,
        IngestConfig.defaults(), clock, registry);
    engine = new ScoringEngine(policy, store, decay, taxonomy, affinity, classifier, ScoringConfig.defaults(),
        clock, registry);
    List<IngestResult> results = ingestor.ingest(List.of(new Interaction("jmh-chat-1", USER, "US",
        clock.instant(), new Signal.Chat(HikingScenario.CHAT, false))));
    if (results.get(0).outcome() != IngestOutcome.STORED) {
      throw new IllegalStateException("hiking chat not stored: " + results.get(0));
    }
  }

  /** The load generator's ADS request with {@code size} candidates, as the domain request. */
  static ScoreRequest scoreRequest(String country, int size) {
    ScoreCandidatesRequest proto = HikingScenario.scoreRequest(country, size);
    List<Candidate> candidates = new ArrayList<>(size);
    for (dev.chatsignal.v1.Candidate c : proto.getCandidatesList()) {
      List<TopicWeight> topics = new ArrayList<>();
      c.getTopicsList().forEach(t -> topics.add(new TopicWeight(t.getTopicId(), t.getWeight())));
      candidates.add(new Candidate(c.getItemId(), ItemKind.AD, topics, "", c.getPrior()));
    }
    return new ScoreRequest(proto.getUserId(), proto.getCountry(), AgeBand.ADULT, Surface.ADS, candidates, "",
        false, 0, false);
  }
}
