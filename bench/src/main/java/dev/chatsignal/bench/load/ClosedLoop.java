package dev.chatsignal.bench.load;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: {@code outstanding} calls in flight on each channel, each slot sending its next
 * call when the previous one completes, until the phase ends.
 *
 * <p>Nothing spins: slots are driven by response callbacks, and the calling thread waits on a latch.
 * A slot whose call fails stops, so a dead server yields errors rather than a tight retry loop.
 */
public final class ClosedLoop {
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

  private final List<? extends Channel> channels;
  private final int outstanding;

  /**
   * @param channels channels to the target, each used by {@code outstanding} slots
   * @param outstanding calls in flight per channel, >= 1
   */
  public ClosedLoop(List<? extends Channel> channels, int outstanding) {
    if (channels.isEmpty() || outstanding < 1) {
      throw new IllegalArgumentException("channels: " + channels.size() + ", outstanding: " + outstanding
          + " (expected: >= 1 each)");
    }
    this.channels = List.copyOf(channels);
    this.outstanding = outstanding;
  }

  /** Runs {@code call} for {@code duration}; blocks until the phase ends and the last calls return. */
  public PhaseResult run(CallSpec call, Duration duration) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch stopped = new CountDownLatch(channels.size() * outstanding);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    for (Channel channel : channels) {
      for (int i = 0; i < outstanding; i++) {
        new Slot(channel, call, deadline, recorder, calls, errors, stopped).send();
      }
    }
    stopped.await(duration.plus(CALL_DEADLINE).toMillis() + 1_000, TimeUnit.MILLISECONDS);
    return new PhaseResult(calls.get(), errors.get(), 0, duration.toNanos() / 1e9,
        recorder.getIntervalHistogram());
  }

  /** One in-flight position: sends, waits for the callback, sends again until the deadline. */
  private static final class Slot {
    private final Channel channel;
    private final CallSpec call;
    private final long deadline;
    private final Recorder recorder;
    private final AtomicLong calls;
    private final AtomicLong errors;
    private final CountDownLatch stopped;

    Slot(Channel channel, CallSpec call, long deadline, Recorder recorder, AtomicLong calls, AtomicLong errors,
        CountDownLatch stopped) {
      this.channel = channel;
      this.call = call;
      this.deadline = deadline;
      this.recorder = recorder;
      this.calls = calls;
      this.errors = errors;
      this.stopped = stopped;
    }

    void send() {
      long begin = System.nanoTime();
      if (begin >= deadline) {
        stopped.countDown();
        return;
      }
      ClientCalls.asyncUnaryCall(
          channel.newCall(call.method(), CallOptions.DEFAULT.withDeadlineAfter(CALL_DEADLINE)),
          call.request(), new StreamObserver<>() {
            @Override
            public void onNext(byte[] response) {}

            @Override
            public void onError(Throwable t) {
              errors.incrementAndGet();
              stopped.countDown();
            }

            @Override
            public void onCompleted() {
              long end = System.nanoTime();
              if (end <= deadline) {
                recorder.recordValue(end - begin);
                calls.incrementAndGet();
              }
              send();
            }
          });
    }
  }
}
