package dev.chatsignal.bench;

import dev.chatsignal.bench.load.PhaseResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints measurements as a fixed-width table (also valid Markdown, for docs/performance.md). */
final class ReportTable {
  private static final String HEADER = String.format(Locale.ROOT,
      "| %-15s | %4s | %-10s | %6s | %6s | %8s | %7s | %7s | %7s | %6s | %6s | %6s | %6s | %7s |",
      "workload", "pair", "target", "req B", "resp B", "calls/s", "p50 ms", "p99 ms", "p99.9ms", "errors",
      "cpu cs", "cpu raw", "cpu gen", "foreign");

  private ReportTable() {}

  /** Prints the header and one row per measurement; cpu columns are in cores. */
  static void print(List<Measurement> measurements, PrintStream out) {
    out.println(HEADER);
    out.println(HEADER.replaceAll("[^|]", "-"));
    for (Measurement m : measurements) {
      PhaseResult r = m.result();
      out.println(String.format(Locale.ROOT,
          "| %-15s | %4d | %-10s | %6d | %6d | %8.0f | %7.3f | %7.3f | %7.3f | %6d | %6.2f | %7.2f | %7.2f | %7.2f |",
          m.workload(), m.pair(), m.target(), m.call().requestBytes(), m.call().responseBytes(), r.throughput(),
          r.millisAt(50), r.millisAt(99), r.millisAt(99.9), r.errors() + r.dropped(),
          m.cpu().cores(AbComparison.OURS), m.cpu().cores(AbComparison.RAW), m.cpu().cores(BenchRun.GENERATOR),
          m.cpu().foreignCores()));
    }
  }
}
