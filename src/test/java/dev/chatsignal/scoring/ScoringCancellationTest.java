package dev.chatsignal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PolicyConfig;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.InMemoryStore;
import dev.chatsignal.store.LocalProfileRepository;
import dev.chatsignal.store.ProfileOp;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.testing.FakeTicker;
import dev.chatsignal.testing.MutableClock;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicAffinity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work stops when the call is cancelled: a slowed classifier holds scoring while the caller gives up. */
class ScoringCancellationTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();

  /** The real classifier, made slow on purpose: the first text blocks until the test lets it go. */
  private static final class SlowedClassifier implements TextClassifier {
    final TextClassifier real = new LexiconClassifier(TAXONOMY);
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch go = new CountDownLatch(1);
    final AtomicInteger classified = new AtomicInteger();

    @Override
    public Classification classify(String text) {
      started.countDown();
      try {
        go.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      classified.incrementAndGet();
      return real.classify(text);
    }

    @Override
    public String version() {
      return "slowed";
    }
  }

  @Test
  void cancelledCall_stopsScoring_andNoBatchCompletesAfterTheCancel() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ProfileStore store = new ProfileStore(new LocalProfileRepository(new InMemoryStore(), DecayPolicy.defaults(), 64),
        1 << 20, new FakeTicker(), registry);
    store.apply("u", new ProfileOp(null, List.of(new ProfileOp.Reinforcement(472, SignalSource.CHAT, 1,
        T.toEpochMilli())), List.of()), T);
    SlowedClassifier classifier = new SlowedClassifier();
    ScoringEngine engine = new ScoringEngine(new PrivacyPolicy(PolicyConfig.defaults()), store,
        DecayPolicy.defaults(), TAXONOMY, TopicAffinity.loadDefault(TAXONOMY), classifier, ScoringConfig.defaults(),
        new MutableClock(T), registry);
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      candidates.add(new Candidate("item-" + i, ItemKind.POST, List.of(), "hiking trail number " + i, 0));
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    CompletableFuture<ScoreResult> call = CompletableFuture.supplyAsync(() -> engine.score(new ScoreRequest("u", "US",
        AgeBand.ADULT, Surface.FEED, candidates, "", false, 0, false), cancelled::get));
    assertTrue(classifier.started.await(10, TimeUnit.SECONDS));
    cancelled.set(true);
    classifier.go.countDown();
    Exception e = assertThrows(Exception.class, () -> call.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
    assertTrue(classifier.classified.get() <= 16, "stopped within one check interval: " + classifier.classified);
    assertEquals(0.0, registry.get("chatsignal.batches.after.cancel").tag("rpc", "score").counter().count());
  }
}
