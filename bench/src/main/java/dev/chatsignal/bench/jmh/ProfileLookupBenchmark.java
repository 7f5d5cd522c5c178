package dev.chatsignal.bench.jmh;

import dev.chatsignal.store.Profile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** {@code ProfileStore.get} of a cached profile (the hiking user's), single thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class ProfileLookupBenchmark {
  private ServerFixture fixture;

  @Setup
  public void setUp() {
    fixture = new ServerFixture();
  }

  @Benchmark
  public Profile lookupCachedProfile() {
    return fixture.store.get(ServerFixture.USER);
  }
}
