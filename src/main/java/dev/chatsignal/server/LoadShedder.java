package dev.chatsignal.server;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sheds load with an adaptive concurrency limit (Netflix concurrency-limits, Gradient2): the limit
 * follows the latency the server achieves, and a call arriving above it is rejected at once with
 * RESOURCE_EXHAUSTED, before any work, and counted in {@code chatsignal.calls.shed{method}}. Health
 * and reflection are never shed, so probes still answer under overload.
 *
 * <p>Where the decision runs matters under overload. As the server's {@link ServerCallExecutorSupplier}
 * (with a direct default executor) the shedder decides on the transport thread, when the call arrives:
 * an admitted call is handed to the application executor, a rejected one stays on the transport thread
 * and is closed there, so a rejection never waits in the executor's queue behind admitted work. Without
 * the supplier (in-process tests) the same decision is made in {@link #interceptCall}.
 *
 * <p>The library's own gRPC module is not published for current grpc-java, so this class does what it
 * does with the library's core: acquire on call start, release once on close or cancellation (dropped
 * when the deadline passed, ignored for errors that say nothing about capacity).
 */
final class LoadShedder implements ServerInterceptor, ServerCallExecutorSupplier {
  private static final Set<String> NEVER_SHED = Set.of("grpc.health.v1.Health",
      "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");
  /** Marks a call the supplier rejected; admitted calls carry their limiter permit instead. */
  private static final Limiter.Listener REJECTED = new Limiter.Listener() {
    @Override
    public void onSuccess() {}

    @Override
    public void onIgnore() {}

    @Override
    public void onDropped() {}
  };

  /*
   * The floor the adaptive limit never drops below. At 8, a few latency spikes (a GC pause, a slow
   * 500-candidate call) pulled the limit down far enough that a 4 ms stall at 2,000 calls/s shed calls
   * with p99 at 1.5 ms, a quarter of capacity (make bench-sweep). 32 is still below what the two-core
   * node serves at p99 10 ms, so real overload is still shed.
   */
  static final int MIN_LIMIT = 32;

  private final Limiter<Void> limiter;
  private final Executor applicationExecutor;
  private final MeterRegistry registry;
  private final Map<String, Counter> shed = new ConcurrentHashMap<>();
  /** Decisions made on the transport thread, keyed by the call's headers (Metadata has identity equality). */
  private final Map<Metadata, Limiter.Listener> decided = new ConcurrentHashMap<>();

  /**
   * @param applicationExecutor where admitted calls run when this is the server's call-executor
   *     supplier; null to run them on the transport thread
   */
  LoadShedder(int maxConcurrency, MeterRegistry registry, Iterable<String> methods, Executor applicationExecutor) {
    this.limiter = SimpleLimiter.newBuilder()
        .named("chatsignal")
        .limit(Gradient2Limit.newBuilder()
            .initialLimit(Math.min(64, maxConcurrency))
            .minLimit(Math.min(MIN_LIMIT, maxConcurrency))
            .maxConcurrency(maxConcurrency)
            .build())
        .build();
    this.applicationExecutor = applicationExecutor;
    this.registry = registry;
    for (String method : methods) {
      counter(method);
    }
    Gauge.builder("chatsignal.calls.admission.pending", decided, Map::size)
        .description("Calls decided on the transport thread whose interceptor has not run yet (returns to 0)")
        .register(registry);
  }

  LoadShedder(int maxConcurrency, MeterRegistry registry, Iterable<String> methods) {
    this(maxConcurrency, registry, methods, null);
  }

  private Counter counter(String method) {
    return shed.computeIfAbsent(method, m -> Counter.builder("chatsignal.calls.shed")
        .description("Calls rejected with RESOURCE_EXHAUSTED because the server was over its concurrency limit")
        .tag("method", m).register(registry));
  }

  /** Runs on the transport thread as the call arrives: admits it to the application executor or not. */
  @Override
  public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
    if (NEVER_SHED.contains(call.getMethodDescriptor().getServiceName())) {
      return applicationExecutor;
    }
    Optional<Limiter.Listener> token = limiter.acquire(null);
    decided.put(headers, token.orElse(REJECTED));
    return token.isPresent() ? applicationExecutor : null;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (NEVER_SHED.contains(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    Limiter.Listener permit = decided.remove(headers);
    if (permit == null) {
      permit = limiter.acquire(null).orElse(REJECTED);
    }
    if (permit == REJECTED) {
      counter(call.getMethodDescriptor().getFullMethodName()).increment();
      call.close(Status.RESOURCE_EXHAUSTED.withDescription("server over its concurrency limit; retry with backoff"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Permit release = new Permit(permit);
    ServerCall<Q, R> released = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        release.closed(status);
        super.close(status, trailers);
      }
    };
    ServerCall.Listener<Q> listener;
    try {
      listener = next.startCall(released, headers);
    } catch (RuntimeException e) {
      release.ignore();
      throw e;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        release.ignore(); // cancelled before the handler closed it: the permit must come back all the same
        super.onCancel();
      }
    };
  }

  /** One admitted call's permit, returned exactly once. */
  private static final class Permit {
    private final Limiter.Listener listener;
    private final AtomicBoolean returned = new AtomicBoolean();

    Permit(Limiter.Listener listener) {
      this.listener = listener;
    }

    void closed(Status status) {
      if (returned.compareAndSet(false, true)) {
        if (status.isOk() || status.getCode() == Status.Code.INVALID_ARGUMENT) {
          listener.onSuccess();
        } else if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
          listener.onDropped();
        } else {
          listener.onIgnore();
        }
      }
    }

    void ignore() {
      if (returned.compareAndSet(false, true)) {
        listener.onIgnore();
      }
    }
  }
}
