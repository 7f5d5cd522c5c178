package dev.chatsignal.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one load phase measured.
 *
 * @param calls calls that completed OK within the phase
 * @param errors calls that failed
 * @param dropped open loop only: sends skipped because too many calls were already outstanding
 * @param seconds the phase's measured length
 * @param latencyNanos latency of the OK calls in nanoseconds (open loop: from the intended send time)
 * @param shed open loop only: calls the server rejected with RESOURCE_EXHAUSTED (included in errors)
 * @param shedLatencyNanos open loop only: how long those rejections took, from the intended send time
 */
public record PhaseResult(long calls, long errors, long dropped, double seconds, Histogram latencyNanos, long shed,
    Histogram shedLatencyNanos) {
  /** A phase without shedding figures (the closed loop). */
  public PhaseResult(long calls, long errors, long dropped, double seconds, Histogram latencyNanos) {
    this(calls, errors, dropped, seconds, latencyNanos, 0, new Histogram(3));
  }

  /** The rejection latency at {@code percentile} (0..100) in milliseconds; 0 when nothing was shed. */
  public double shedMillisAt(double percentile) {
    return shedLatencyNanos.getTotalCount() == 0 ? 0 : shedLatencyNanos.getValueAtPercentile(percentile) / 1e6;
  }

  /** Completed OK calls per second. */
  public double throughput() {
    return seconds > 0 ? calls / seconds : 0;
  }

  /** The latency at {@code percentile} (0..100) in milliseconds; 0 when nothing completed. */
  public double millisAt(double percentile) {
    return latencyNanos.getTotalCount() == 0 ? 0 : latencyNanos.getValueAtPercentile(percentile) / 1e6;
  }
}
