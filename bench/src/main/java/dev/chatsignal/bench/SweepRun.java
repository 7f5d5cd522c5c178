package dev.chatsignal.bench;

import dev.chatsignal.bench.calls.HikingScenario;
import dev.chatsignal.bench.cpu.CpuMeter;
import dev.chatsignal.bench.cpu.CpuUsage;
import dev.chatsignal.bench.load.CallSpec;
import dev.chatsignal.bench.load.ClosedLoop;
import dev.chatsignal.bench.load.OpenLoop;
import dev.chatsignal.bench.load.PhaseResult;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/bench.sh sweep}: starts the chatsignal jar and, for each personalized workload, raises an
 * open-loop rate step by step (×{@value #FACTOR} from {@code BENCH_SWEEP_START_RPS}, default 500) until
 * p99 latency first exceeds {@value #P99_LIMIT_MS} ms or calls fail in a step and again in its rerun,
 * at most {@value #MAX_STEPS} rates of {@code BENCH_SWEEP_SECONDS} (default 10, quick 3) each. Prints
 * one row per step, with the foreign cores (CPU of other processes) it saw, and one {@code SWEEP ...}
 * line per workload.
 */
public final class SweepRun {
  static final double FACTOR = 1.25;
  static final double P99_LIMIT_MS = 10.0;
  static final int MAX_STEPS = 20;
  static final int MAX_OUTSTANDING = 2_000;

  private SweepRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    BenchSettings settings = BenchSettings.from(env, args);
    double startRps = Double.parseDouble(env.getOrDefault("BENCH_SWEEP_START_RPS", "500"));
    Duration step = Duration.ofSeconds(Long.parseLong(
        env.getOrDefault("BENCH_SWEEP_SECONDS", settings.quick() ? "3" : "10")));
    try (ServerProcess ours = BenchRun.startOurs(settings)) {
      List<ManagedChannel> channels = BenchRun.channels(ours.port(), settings.channels());
      try {
        List<CallSpec> calls = new HikingScenario(channels.get(0)).prepare();
        ClosedLoop warm = new ClosedLoop(channels, settings.outstanding());
        OpenLoop open = new OpenLoop(channels, MAX_OUTSTANDING);
        CpuMeter meter = new CpuMeter(Map.of(AbComparison.OURS, ours.pid(),
            BenchRun.GENERATOR, ProcessHandle.current().pid()));
        for (CallSpec call : calls.subList(0, 2)) {
          warm.run(call, settings.warmup());
          sweep(open, call, meter, startRps, step);
        }
      } finally {
        BenchRun.shutdown(channels);
      }
    }
  }

  private static void sweep(OpenLoop open, CallSpec call, CpuMeter meter, double startRps, Duration step)
      throws InterruptedException {
    System.out.printf(Locale.ROOT, "%nopen loop %s, %ds per step%n| %8s | %8s | %7s | %7s | %7s | %6s | %7s |%n"
            + "|----------|----------|---------|---------|---------|--------|---------|%n",
        call.name(), step.toSeconds(), "rate/s", "calls/s", "p50 ms", "p99 ms", "p99.9ms", "errors", "foreign");
    double lastBelow = Double.NaN;
    double crossed = Double.NaN;
    double rate = startRps;
    CpuMeter.Snapshot start = meter.snapshot();
    for (int i = 0; i < MAX_STEPS && Double.isNaN(crossed); i++, rate *= FACTOR) {
      // a step over the limit is run again: only a confirmed crossing ends the sweep, so one GC pause
      // or a burst of foreign load does not decide it
      if (overLimit(open, call, meter, rate, step) && overLimit(open, call, meter, rate, step)) {
        crossed = rate;
      } else {
        lastBelow = rate;
      }
    }
    System.out.printf(Locale.ROOT,
        "SWEEP workload=%s p99_over_%.0fms_at_rps=%.0f last_below_rps=%.0f foreign_cores=%.2f%n",
        call.name(), P99_LIMIT_MS, crossed, lastBelow, CpuMeter.between(start, meter.snapshot()).foreignCores());
  }

  /** Runs one step, prints its row, and says whether p99 exceeded the limit or calls failed. */
  private static boolean overLimit(OpenLoop open, CallSpec call, CpuMeter meter, double rate, Duration step)
      throws InterruptedException {
    CpuMeter.Snapshot before = meter.snapshot();
    PhaseResult r = open.run(call, rate, step);
    CpuUsage cpu = CpuMeter.between(before, meter.snapshot());
    System.out.printf(Locale.ROOT, "| %8.0f | %8.0f | %7.3f | %7.3f | %7.3f | %6d | %7.2f |%n", rate,
        r.throughput(), r.millisAt(50), r.millisAt(99), r.millisAt(99.9), r.errors() + r.dropped(),
        cpu.foreignCores());
    return r.millisAt(99) > P99_LIMIT_MS || r.errors() + r.dropped() > 0;
  }
}
