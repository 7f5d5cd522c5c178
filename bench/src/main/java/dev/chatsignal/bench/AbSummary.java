package dev.chatsignal.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The figures an A/B run is judged by, computed from its measurements.
 */
final class AbSummary {
  private final List<Measurement> measurements;

  AbSummary(List<Measurement> measurements) {
    this.measurements = List.copyOf(measurements);
  }

  /**
   * The median over pairs of chatsignal's throughput divided by raw's, for {@code workload};
   * NaN when a pair has no raw throughput.
   */
  double medianRatio(String workload) {
    List<Double> ratios = new ArrayList<>();
    for (Measurement a : measurements) {
      if (!a.workload().equals(workload) || !a.target().equals(AbComparison.OURS)) {
        continue;
      }
      for (Measurement b : measurements) {
        if (b.workload().equals(workload) && b.target().equals(AbComparison.RAW) && b.pair() == a.pair()) {
          ratios.add(b.result().throughput() > 0 ? a.result().throughput() / b.result().throughput() : Double.NaN);
        }
      }
    }
    return median(ratios);
  }

  /** chatsignal's p99 latency in ms over all its phases of {@code workload}, merged. */
  double oursP99Millis(String workload) {
    Histogram merged = new Histogram(3);
    for (Measurement m : measurements) {
      if (m.workload().equals(workload) && m.target().equals(AbComparison.OURS)) {
        merged.add(m.result().latencyNanos());
      }
    }
    return merged.getTotalCount() == 0 ? Double.NaN : merged.getValueAtPercentile(99) / 1e6;
  }

  /** Mean foreign cores over all phases. */
  double meanForeignCores() {
    return measurements.stream().mapToDouble(m -> m.cpu().foreignCores()).average().orElse(Double.NaN);
  }

  /** Largest foreign cores of any phase. */
  double maxForeignCores() {
    return measurements.stream().mapToDouble(m -> m.cpu().foreignCores()).max().orElse(Double.NaN);
  }

  /** Calls that failed, over all phases. */
  long errors() {
    return measurements.stream().mapToLong(m -> m.result().errors()).sum();
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
