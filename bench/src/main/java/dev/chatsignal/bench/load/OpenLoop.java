package dev.chatsignal.bench.load;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load at a fixed rate: call {@code i} is due at {@code start + i / rate}, whatever the
 * server's latency, and its latency is measured from that due time (so a stalled server is charged for
 * the calls it delayed: no coordinated omission).
 *
 * <p>The sender parks until each due time ({@link LockSupport#parkNanos}); it never busy-waits, since
 * on a two-core machine a spinning client starves the server it measures. When it wakes late it sends
 * the overdue calls back to back. At most {@code maxOutstanding} calls are in flight; a send beyond that
 * is counted as dropped.
 */
public final class OpenLoop {
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

  private final List<? extends Channel> channels;
  private final int maxOutstanding;

  /**
   * @param channels channels to the target, used round robin
   * @param maxOutstanding calls in flight at most, >= 1
   */
  public OpenLoop(List<? extends Channel> channels, int maxOutstanding) {
    if (channels.isEmpty() || maxOutstanding < 1) {
      throw new IllegalArgumentException("channels: " + channels.size() + ", maxOutstanding: " + maxOutstanding
          + " (expected: >= 1 each)");
    }
    this.channels = List.copyOf(channels);
    this.maxOutstanding = maxOutstanding;
  }

  /**
   * Sends {@code call} at {@code ratePerSecond} for {@code duration}, then waits (bounded) for the
   * calls still in flight.
   */
  public PhaseResult run(CallSpec call, double ratePerSecond, Duration duration) throws InterruptedException {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("ratePerSecond: " + ratePerSecond + " (expected: > 0)");
    }
    Recorder recorder = new Recorder(3);
    Recorder shedRecorder = new Recorder(3);
    AtomicLong shed = new AtomicLong();
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    long dropped = 0;
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    double interval = 1e9 / ratePerSecond;
    for (long i = 0; ; i++) {
      long due = start + (long) (i * interval);
      if (due >= end) {
        break;
      }
      parkUntil(due);
      if (inFlight.get() >= maxOutstanding) {
        dropped++;
        continue;
      }
      inFlight.incrementAndGet();
      send(channels.get((int) (i % channels.size())), call, due, new Outcomes(recorder, shedRecorder, calls, errors,
          shed, inFlight));
    }
    long drainUntil = System.nanoTime() + CALL_DEADLINE.toNanos() + TimeUnit.SECONDS.toNanos(1);
    while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
      Thread.sleep(5);
    }
    return new PhaseResult(calls.get(), errors.get(), dropped, duration.toNanos() / 1e9,
        recorder.getIntervalHistogram(), shed.get(), shedRecorder.getIntervalHistogram());
  }

  /** Parks until {@code due}; parkNanos may return early, so it re-parks for the remainder. */
  private static void parkUntil(long due) throws InterruptedException {
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  /** Where one phase's call outcomes are counted. */
  private record Outcomes(Recorder ok, Recorder shedLatency, AtomicLong calls, AtomicLong errors, AtomicLong shed,
      AtomicLong inFlight) {}

  private static void send(Channel channel, CallSpec call, long due, Outcomes out) {
    ClientCalls.asyncUnaryCall(
        channel.newCall(call.method(), CallOptions.DEFAULT.withDeadlineAfter(CALL_DEADLINE)),
        call.request(), new StreamObserver<>() {
          @Override
          public void onNext(byte[] response) {}

          @Override
          public void onError(Throwable t) {
            if (Status.fromThrowable(t).getCode() == Status.Code.RESOURCE_EXHAUSTED) {
              out.shedLatency().recordValue(System.nanoTime() - due);
              out.shed().incrementAndGet();
            }
            out.errors().incrementAndGet();
            out.inFlight().decrementAndGet();
          }

          @Override
          public void onCompleted() {
            out.ok().recordValue(System.nanoTime() - due);
            out.calls().incrementAndGet();
            out.inFlight().decrementAndGet();
          }
        });
  }
}
