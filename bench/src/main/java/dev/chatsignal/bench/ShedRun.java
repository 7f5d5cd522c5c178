package dev.chatsignal.bench;

import dev.chatsignal.bench.calls.HikingScenario;
import dev.chatsignal.bench.cpu.CpuMeter;
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
 * {@code bench/bench.sh shed}: shows load shedding at work. Starts the chatsignal jar with a small
 * concurrency limit ({@code BENCH_SHED_LIMIT}, default 8), measures its capacity on the 100-candidate
 * personalized call with a closed loop (four times the limit outstanding), then drives an open loop at half and at twice that capacity.
 * At twice the capacity the accepted calls should keep (close to) the latency they have at half, and the
 * excess should be rejected with RESOURCE_EXHAUSTED in about a millisecond. Ends with one {@code SHED ...}
 * line.
 */
public final class ShedRun {
  private ShedRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    BenchSettings settings = BenchSettings.from(env, args);
    String limit = env.getOrDefault("BENCH_SHED_LIMIT", "8");
    Duration phase = Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_SHED_SECONDS",
        settings.quick() ? "5" : "15")));
    try (ServerProcess ours = BenchRun.startOurs(settings, List.of("--concurrency-limit", limit))) {
      List<ManagedChannel> channels = BenchRun.channels(ours.port(), settings.channels());
      try {
        CallSpec call = new HikingScenario(channels.get(0)).prepare().get(0);
        CpuMeter meter = new CpuMeter(Map.of(AbComparison.OURS, ours.pid(),
            BenchRun.GENERATOR, ProcessHandle.current().pid()));
        new ClosedLoop(channels, settings.outstanding()).run(call, settings.warmup());
        CpuMeter.Snapshot start = meter.snapshot();
        PhaseResult capacity = new ClosedLoop(channels, 4 * Integer.parseInt(limit)).run(call, phase);
        double rps = capacity.throughput();
        OpenLoop open = new OpenLoop(channels, 5_000);
        PhaseResult half = open.run(call, rps / 2, phase);
        PhaseResult twice = open.run(call, rps * 2, phase);
        double foreign = CpuMeter.between(start, meter.snapshot()).foreignCores();
        System.out.printf(Locale.ROOT, "%nload shedding, %s, concurrency limit %s, %ds phases%n"
            + "| %-14s | %8s | %8s | %7s | %7s | %8s | %9s | %9s | %9s |%n"
            + "|----------------|----------|----------|---------|---------|----------|-----------|-----------|-----------|%n",
            call.name(), limit, phase.toSeconds(), "phase", "offered", "ok/s", "p50 ms", "p99 ms", "shed",
            "shed p50", "shed p99", "shed max");
        row("capacity", capacity, Double.NaN);
        row("half capacity", half, rps / 2);
        row("twice capacity", twice, rps * 2);
        System.out.printf(Locale.ROOT, "SHED capacity_rps=%.0f p99_ms_at_half=%.3f accepted_p99_ms_at_twice=%.3f"
            + " shed_fraction_at_twice=%.3f shed_p50_ms=%.3f shed_p99_ms=%.3f foreign_cores=%.2f%n", rps,
            half.millisAt(99), twice.millisAt(99), (double) twice.shed() / Math.max(1, twice.calls() + twice.errors()),
            twice.shedMillisAt(50), twice.shedMillisAt(99), foreign);
      } finally {
        BenchRun.shutdown(channels);
      }
    }
  }

  private static void row(String name, PhaseResult r, double offered) {
    System.out.printf(Locale.ROOT, "| %-14s | %8s | %8.0f | %7.3f | %7.3f | %8d | %9.3f | %9.3f | %9.3f |%n", name,
        Double.isNaN(offered) ? "closed" : String.format(Locale.ROOT, "%.0f", offered), r.throughput(),
        r.millisAt(50), r.millisAt(99), r.shed(), r.shedMillisAt(50), r.shedMillisAt(99), r.shedMillisAt(100));
  }
}
