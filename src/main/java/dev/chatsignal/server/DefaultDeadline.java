package dev.chatsignal.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Status;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives every call that arrives without a deadline (or with a longer one) the configured maximum, so
 * that no call can hold server resources forever; the handlers stop their work when the call's
 * context is cancelled. Long-lived streams (health Watch, reflection) are left alone.
 */
final class DefaultDeadline implements ServerInterceptor, AutoCloseable {
  private final long maxNanos;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "call-deadlines");
    t.setDaemon(true);
    return t;
  });

  DefaultDeadline(Duration max) {
    this.maxNanos = max.toNanos();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!call.getMethodDescriptor().getServiceName().startsWith("chatsignal.")) {
      return next.startCall(call, headers);
    }
    Context current = Context.current();
    if (current.getDeadline() != null && current.getDeadline().timeRemaining(TimeUnit.NANOSECONDS) <= maxNanos) {
      return next.startCall(call, headers);
    }
    Context.CancellableContext bounded = current.withDeadlineAfter(maxNanos, TimeUnit.NANOSECONDS, timer);
    ServerCall<Q, R> releasing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        super.close(status, trailers);
        bounded.cancel(null); // frees the pending deadline timer at once
      }
    };
    return Contexts.interceptCall(bounded, releasing, headers, next);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
