package dev.chatsignal.bench.jmh;

import dev.chatsignal.bench.calls.HikingScenario;
import dev.chatsignal.topics.Classification;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The server's {@code TextClassifier} (as {@code Main} builds it) on one chat turn, single thread:
 * the per-turn cost of ingesting a chat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ClassifyBenchmark {
  private ServerFixture fixture;
  // a field, not a constant, so the JIT cannot fold the classification away
  private String chatTurn;

  @Setup
  public void setUp() {
    fixture = new ServerFixture();
    chatTurn = HikingScenario.CHAT;
  }

  @Benchmark
  public Classification classifyChatTurn() {
    return fixture.classifier.classify(chatTurn);
  }
}
