package dev.chatsignal.scoring;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicScore;
import dev.chatsignal.topics.TopicWeight;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Classifications of candidate texts (items sent without topics), computed once per distinct text
 * and kept in a bounded Caffeine cache, already in the form the scorer reads: the same catalogue items
 * are ranked over and over.
 *
 * <p>A scoring call classifies unknown texts on its own thread only within a time budget
 * ({@link ScoringConfig#itemTextBudget()}): the sentence embedding takes milliseconds per text, so a
 * first call with 500 new texts would otherwise take seconds. Past the budget a text is queued for one
 * background thread and answers {@link #PENDING} (no topics, not sensitive) until it is classified.
 * That is fail closed: an item without topics gets no personalized score, and an ad without topics is
 * ranked by its prior alone, so a pending ad text can never be targeted. When the queue is full the
 * text is simply tried again on a later call.
 */
final class ItemTextTopics {
  /**
   * What a candidate text is about.
   *
   * @param topics its topics as item topic weights (the classifier's confidences), best first
   * @param sensitive true when the text reveals a sensitive category
   */
  record ItemTopics(List<TopicWeight> topics, boolean sensitive) {}

  /** A text not classified yet: scored as an item without topics. */
  static final ItemTopics PENDING = new ItemTopics(List.of(), false);
  /* Texts waiting for the background thread; beyond this they are retried on a later call. */
  static final int QUEUE_CAPACITY = 10_000;

  /** Time spent classifying inline during one scoring call. Not thread-safe: one per call. */
  static final class Budget {
    private long spentNanos;
  }

  private final TextClassifier classifier;
  private final AsyncCache<String, ItemTopics> cache;
  private final Executor background;
  private final Ticker ticker;
  private final long budgetNanos;
  private final Counter deferred;
  private final Counter dropped;

  ItemTextTopics(TextClassifier classifier, ScoringConfig config, MeterRegistry registry) {
    this(classifier, config, registry, newBackgroundExecutor(), Ticker.systemTicker());
  }

  /** With the background executor and the clock of the budget given (tests). */
  ItemTextTopics(TextClassifier classifier, ScoringConfig config, MeterRegistry registry, Executor background,
      Ticker ticker) {
    this.classifier = classifier;
    this.cache = Caffeine.newBuilder().maximumSize(config.textCacheSize()).recordStats().buildAsync();
    CaffeineCacheMetrics.monitor(registry, cache.synchronous(), "item_text");
    this.background = background;
    this.ticker = ticker;
    this.budgetNanos = config.itemTextBudget().toNanos();
    this.deferred = Counter.builder("chatsignal.item.text.deferred")
        .description("Candidate texts left for the background classifier because a call's inline budget was spent")
        .register(registry);
    this.dropped = Counter.builder("chatsignal.item.text.dropped")
        .description("Candidate texts not queued because the background queue was full (retried on a later call)")
        .register(registry);
  }

  /** A fresh budget for one scoring call. */
  Budget budget() {
    return new Budget();
  }

  /** The text's classification, or {@link #PENDING} when it is not known and the budget is spent. */
  ItemTopics classify(String text, Budget budget) {
    CompletableFuture<ItemTopics> known = cache.getIfPresent(text);
    if (known != null) {
      return known.isDone() && !known.isCompletedExceptionally() ? known.join() : PENDING;
    }
    if (budget.spentNanos < budgetNanos) {
      long start = ticker.read();
      ItemTopics topics = cache.get(text, (key, executor) -> CompletableFuture.completedFuture(load(key))).join();
      budget.spentNanos += ticker.read() - start;
      return topics;
    }
    try {
      cache.get(text, (key, executor) -> CompletableFuture.supplyAsync(() -> load(key), background));
      deferred.increment();
    } catch (RejectedExecutionException full) {
      dropped.increment();
    }
    return PENDING;
  }

  private ItemTopics load(String text) {
    Classification classification = classifier.classify(text);
    List<TopicWeight> topics = classification.topics().stream()
        .map((TopicScore s) -> new TopicWeight(s.topicId(), s.confidence())).toList();
    return new ItemTopics(topics, classification.isSensitive());
  }

  private static Executor newBackgroundExecutor() {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
          Thread t = new Thread(runnable, "chatsignal-item-text");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    return executor;
  }
}
