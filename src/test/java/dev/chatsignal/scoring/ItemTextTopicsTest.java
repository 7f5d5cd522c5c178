package dev.chatsignal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Candidate texts are classified inline within a call's budget, the rest in the background. */
class ItemTextTopicsTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final Duration EACH = Duration.ofMillis(2);

  /** Runs queued tasks only when the test says so; refuses work beyond its capacity. */
  private static final class HeldExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();
    int capacity = Integer.MAX_VALUE;

    @Override
    public void execute(Runnable task) {
      if (tasks.size() >= capacity) {
        throw new RejectedExecutionException("full");
      }
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HeldExecutor background = new HeldExecutor();
  /* every read advances the clock, so each inline classification costs EACH */
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = () -> nanos.getAndAdd(EACH.toNanos());
  private final LexiconClassifier classifier = new LexiconClassifier(TAXONOMY);

  private ItemTextTopics topics(Duration budget) {
    ScoringConfig d = ScoringConfig.defaults();
    ScoringConfig config = new ScoringConfig(d.surfaceWeights(), d.suppressionPenalty(), d.maxExplanations(),
        d.textCacheSize(), budget);
    return new ItemTextTopics(classifier, config, registry, background, ticker);
  }

  private double counter(String name) {
    return registry.get(name).counter().count();
  }

  @Test
  void withinTheBudget_textsAreClassifiedInline_thenDeferred_andKnownOnceTheBackgroundRan() {
    ItemTextTopics itemText = topics(Duration.ofMillis(5));
    ItemTextTopics.Budget budget = itemText.budget();
    for (int i = 0; i < 3; i++) { // 0, 2 and 4 ms spent before each: all under 5
      ItemTextTopics.ItemTopics t = itemText.classify("waterproof hiking boots model " + i, budget);
      assertNotEquals(ItemTextTopics.PENDING, t);
      assertEquals(classifier.classify("waterproof hiking boots model " + i).topics(),
          t.topics().stream().map(w -> new dev.chatsignal.topics.TopicScore(w.topicId(), w.weight())).toList());
    }
    assertSame(ItemTextTopics.PENDING, itemText.classify("trail running shoes for rocky paths", budget));
    assertSame(ItemTextTopics.PENDING, itemText.classify("trail running shoes for rocky paths", budget));
    assertEquals(1, background.tasks.size(), "queued once although asked twice");
    assertEquals(1.0, counter("chatsignal.item.text.deferred"));

    background.runAll();
    ItemTextTopics.ItemTopics later = itemText.classify("trail running shoes for rocky paths", itemText.budget());
    assertEquals(classifier.classify("trail running shoes for rocky paths").topics().get(0).topicId(),
        later.topics().get(0).topicId());
  }

  @Test
  void aSensitiveText_isNotSensitiveWhilePending_soItsAdGetsNoTopicsAtAll() {
    ItemTextTopics itemText = topics(Duration.ZERO);
    ItemTextTopics.ItemTopics pending = itemText.classify("insulin pump supplies for diabetics", itemText.budget());
    assertSame(ItemTextTopics.PENDING, pending);
    assertEquals(0, pending.topics().size());
    background.runAll();
    ItemTextTopics.ItemTopics known = itemText.classify("insulin pump supplies for diabetics", itemText.budget());
    assertEquals(true, known.sensitive());
  }

  @Test
  void aFullQueue_dropsTheText_andALaterCallQueuesItAgain() {
    ItemTextTopics itemText = topics(Duration.ZERO);
    background.capacity = 0;
    assertSame(ItemTextTopics.PENDING, itemText.classify("camping stove fuel", itemText.budget()));
    assertEquals(1.0, counter("chatsignal.item.text.dropped"));
    assertEquals(0, background.tasks.size());

    background.capacity = 10;
    assertSame(ItemTextTopics.PENDING, itemText.classify("camping stove fuel", itemText.budget()));
    assertEquals(1, background.tasks.size(), "not remembered as pending after the refusal");
    background.runAll();
    assertFalse(itemText.classify("camping stove fuel", itemText.budget()).topics().isEmpty());
  }

  @Test
  void eachCall_hasItsOwnBudget() {
    ItemTextTopics itemText = topics(Duration.ofMillis(1));
    ItemTextTopics.Budget first = itemText.budget();
    assertNotEquals(ItemTextTopics.PENDING, itemText.classify("hiking backpack 40 litres", first));
    assertSame(ItemTextTopics.PENDING, itemText.classify("hiking backpack 60 litres", first));
    assertNotEquals(ItemTextTopics.PENDING, itemText.classify("hiking poles carbon", itemText.budget()));
  }
}
