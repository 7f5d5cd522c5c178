package dev.chatsignal.server;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sheds load with an adaptive concurrency limit (Netflix concurrency-limits, Gradient2): the limit
 * follows the latency the server achieves, and a call arriving above it is rejected at once with
 * RESOURCE_EXHAUSTED, before any work, and counted in {@code chatsignal.calls.shed{method}}. Health
 * and reflection are never shed, so probes still answer under overload.
 *
 * <p>The library's own gRPC module is not published for current grpc-java, so this interceptor
 * does what it does with the library's core: acquire on call start, release on close (dropped when
 * the deadline passed, ignored for errors that say nothing about capacity).
 */
final class LoadShedder implements ServerInterceptor {
  private static final Set<String> NEVER_SHED = Set.of("grpc.health.v1.Health",
      "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

  private final Limiter<Void> limiter;
  private final MeterRegistry registry;
  private final Map<String, Counter> shed = new ConcurrentHashMap<>();

  LoadShedder(int maxConcurrency, MeterRegistry registry, Iterable<String> methods) {
    this.limiter = SimpleLimiter.newBuilder()
        .named("chatsignal")
        .limit(Gradient2Limit.newBuilder()
            .initialLimit(Math.min(64, maxConcurrency))
            .minLimit(Math.min(8, maxConcurrency))
            .maxConcurrency(maxConcurrency)
            .build())
        .build();
    this.registry = registry;
    for (String method : methods) {
      counter(method);
    }
  }

  private Counter counter(String method) {
    return shed.computeIfAbsent(method, m -> Counter.builder("chatsignal.calls.shed")
        .description("Calls rejected with RESOURCE_EXHAUSTED because the server was over its concurrency limit")
        .tag("method", m).register(registry));
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (NEVER_SHED.contains(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    Optional<Limiter.Listener> token = limiter.acquire(null);
    if (token.isEmpty()) {
      counter(method).increment();
      call.close(Status.RESOURCE_EXHAUSTED.withDescription("server over its concurrency limit; retry with backoff"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Limiter.Listener release = token.get();
    ServerCall<Q, R> released = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      private boolean done;

      @Override
      public void close(Status status, Metadata trailers) {
        if (!done) {
          done = true;
          if (status.isOk() || status.getCode() == Status.Code.INVALID_ARGUMENT) {
            release.onSuccess();
          } else if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            release.onDropped();
          } else {
            release.onIgnore();
          }
        }
        super.close(status, trailers);
      }
    };
    try {
      return next.startCall(released, headers);
    } catch (RuntimeException e) {
      release.onIgnore();
      throw e;
    }
  }
}
