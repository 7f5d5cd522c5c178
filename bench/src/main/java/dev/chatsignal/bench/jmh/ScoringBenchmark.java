package dev.chatsignal.bench.jmh;

import dev.chatsignal.scoring.ScoreRequest;
import dev.chatsignal.scoring.ScoreResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code ScoringEngine.score} for the hiking user on the ADS surface, single thread: the policy
 * decision, the profile lookup (a cache hit), the interest vectors and every candidate, without gRPC.
 * {@code candidates} = 100 and 500 match the load generator's score100 and score500.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ScoringBenchmark {
  @Param({"100", "500"})
  public int candidates;

  private ServerFixture fixture;
  private ScoreRequest personalized;
  private ScoreRequest nonPersonalized;

  @Setup
  public void setUp() {
    fixture = new ServerFixture();
    personalized = ServerFixture.scoreRequest("US", candidates);
    nonPersonalized = ServerFixture.scoreRequest("DE", candidates);
    if (!fixture.engine.score(personalized).decision().personalize()) {
      throw new IllegalStateException("the hiking user's request is not personalized");
    }
  }

  /** Profile lookup and scoring of every candidate. */
  @Benchmark
  public ScoreResult scorePersonalized() {
    return fixture.engine.score(personalized);
  }

  /** The policy short-circuit: the same candidates from DE, ranked by prior, no store read. */
  @Benchmark
  public ScoreResult scoreNonPersonalized() {
    return fixture.engine.score(nonPersonalized);
  }
}
