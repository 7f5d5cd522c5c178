package dev.chatsignal.bench;

import dev.chatsignal.bench.cpu.CpuMeter;
import dev.chatsignal.bench.load.CallSpec;
import dev.chatsignal.bench.load.ClosedLoop;
import dev.chatsignal.bench.load.PhaseResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Alternates chatsignal (A) and the raw benchmark service (B) under the same closed loop, A/B/A/B…,
 * after warming both up, so that drift on the machine (other load, thermal state, JIT) hits both alike
 * and the median of the per-pair throughput ratios discards a disturbed pair.
 */
final class AbComparison {
  static final String OURS = "chatsignal";
  static final String RAW = "raw";

  private final ClosedLoop ours;
  private final ClosedLoop raw;
  private final CpuMeter meter;
  private final Duration warmup;
  private final Duration phase;
  private final int pairs;

  AbComparison(ClosedLoop ours, ClosedLoop raw, CpuMeter meter, Duration warmup, Duration phase, int pairs) {
    this.ours = ours;
    this.raw = raw;
    this.meter = meter;
    this.warmup = warmup;
    this.phase = phase;
    this.pairs = pairs;
  }

  /**
   * Runs every workload on both servers for the warm-up time, unmeasured: the JIT compiles the code
   * paths all workloads share before the first one is measured, so the first is not the coldest.
   */
  void warmUp(List<CallSpec> oursCalls, List<CallSpec> rawCalls) throws InterruptedException {
    for (int i = 0; i < oursCalls.size() && !warmup.isZero(); i++) {
      ours.run(oursCalls.get(i), warmup);
      raw.run(rawCalls.get(i), warmup);
    }
  }

  /** Warms both up, then measures {@code pairs} A/B pairs; returns the measurements in run order. */
  List<Measurement> run(CallSpec oursCall, CallSpec rawCall) throws InterruptedException {
    if (!warmup.isZero()) {
      ours.run(oursCall, warmup);
      raw.run(rawCall, warmup);
    }
    List<Measurement> measurements = new ArrayList<>();
    for (int pair = 1; pair <= pairs; pair++) {
      measurements.add(measure(pair, OURS, ours, oursCall));
      measurements.add(measure(pair, RAW, raw, rawCall));
    }
    return measurements;
  }

  private Measurement measure(int pair, String target, ClosedLoop loop, CallSpec call) throws InterruptedException {
    CpuMeter.Snapshot before = meter.snapshot();
    PhaseResult result = loop.run(call, phase);
    return new Measurement(pair, target, call, result, CpuMeter.between(before, meter.snapshot()));
  }
}
