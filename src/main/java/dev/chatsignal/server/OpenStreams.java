package dev.chatsignal.server;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tracks the calls that never end by themselves (health {@code Watch}, client-side health checking
 * keeps one open per channel), so a drain can end them with UNAVAILABLE right after it reports
 * NOT_SERVING, instead of waiting the whole drain time for them.
 */
final class OpenStreams implements ServerInterceptor {
  private final Set<ServerCall<?, ?>> open = ConcurrentHashMap.newKeySet();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!call.getMethodDescriptor().getFullMethodName().equals("grpc.health.v1.Health/Watch")) {
      return next.startCall(call, headers);
    }
    ServerCall<Q, R> tracked = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public synchronized void sendMessage(R message) {
        super.sendMessage(message);
      }

      @Override
      public synchronized void close(Status status, Metadata trailers) {
        if (open.remove(this)) {
          super.close(status, trailers);
        }
      }
    };
    open.add(tracked);
    ServerCall.Listener<Q> listener = next.startCall(tracked, headers);
    return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        open.remove(tracked);
        super.onCancel();
      }

      @Override
      public void onComplete() {
        open.remove(tracked);
        super.onComplete();
      }
    };
  }

  /** Ends every open stream with UNAVAILABLE (the client reconnects elsewhere). */
  void closeAll() {
    for (ServerCall<?, ?> call : open) {
      call.close(Status.UNAVAILABLE.withDescription("server is draining"), new Metadata());
    }
  }
}
