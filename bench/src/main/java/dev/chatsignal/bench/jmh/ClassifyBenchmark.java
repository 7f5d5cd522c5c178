package dev.chatsignal.bench.jmh;

import dev.chatsignal.bench.calls.HikingScenario;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.HybridClassifier;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One chat turn through a {@code TextClassifier}, single thread: the per-turn cost of ingesting a chat.
 * {@code hybrid} is the server's default (lexicon + MiniLM + static topic vectors), {@code lexicon} its
 * exact part alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ClassifyBenchmark {
  @Param({"hybrid", "lexicon"})
  public String classifier;

  private TextClassifier textClassifier;
  // a field, not a constant, so the JIT cannot fold the classification away
  private String chatTurn;

  @Setup
  public void setUp() {
    Taxonomy taxonomy = Taxonomy.loadDefault();
    textClassifier = classifier.equals("hybrid") ? new HybridClassifier(taxonomy) : new LexiconClassifier(taxonomy);
    chatTurn = HikingScenario.CHAT;
  }

  @TearDown
  public void tearDown() {
    if (textClassifier instanceof HybridClassifier hybrid) {
      hybrid.close();
    }
  }

  @Benchmark
  public Classification classifyChatTurn() {
    return textClassifier.classify(chatTurn);
  }
}
