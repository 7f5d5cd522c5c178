package dev.chatsignal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PolicyConfig;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.Reason;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.InMemoryStore;
import dev.chatsignal.store.LocalProfileRepository;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.testing.FakeTicker;
import dev.chatsignal.testing.MutableClock;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicAffinity;
import dev.chatsignal.topics.TopicWeight;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request contexts are classified once per distinct text while a conversation lasts. */
class ContextTopicsTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();

  /** The lexicon classifier, counting what it was asked to classify. */
  private static final class Counting implements TextClassifier {
    private final TextClassifier real = new LexiconClassifier(TAXONOMY);
    private final List<String> texts = new ArrayList<>();

    @Override
    public Classification classify(String text) {
      texts.add(text);
      return real.classify(text);
    }

    @Override
    public String version() {
      return real.version();
    }
  }

  @Test
  void theSameContext_isClassifiedOnce_andASensitiveOneStaysSensitiveFromTheCache() {
    Counting classifier = new Counting();
    ProfileStore store = new ProfileStore(new LocalProfileRepository(new InMemoryStore(), DecayPolicy.defaults(), 64),
        1 << 20, new FakeTicker(), new SimpleMeterRegistry());
    ScoringEngine engine = new ScoringEngine(new PrivacyPolicy(PolicyConfig.defaults()), store,
        DecayPolicy.defaults(), TAXONOMY, TopicAffinity.loadDefault(TAXONOMY), classifier, ScoringConfig.defaults(),
        new MutableClock(Instant.parse("2026-11-20T12:00:00Z")), new SimpleMeterRegistry());
    List<Candidate> one = List.of(new Candidate("p", ItemKind.POST, List.of(new TopicWeight(472, 1)), "", 0));
    String sensitive = "my therapist says my depression is getting better";
    for (int i = 0; i < 3; i++) {
      ScoreResult r = engine.score(new ScoreRequest("u", "US", AgeBand.ADULT, Surface.FEED, one, sensitive, false, 0,
          false));
      assertEquals(Reason.SENSITIVE_CONTEXT, r.decision().reason(), "call " + i);
    }
    engine.score(new ScoreRequest("u", "US", AgeBand.ADULT, Surface.FEED, one, "best trail running shoes", false, 0,
        false));
    assertEquals(List.of(sensitive, "best trail running shoes"), classifier.texts);
  }
}
