package dev.chatsignal.api;

import dev.chatsignal.store.StoreException;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * Runs a unary handler and chooses its status at the edge: {@link InvalidArgument} becomes
 * INVALID_ARGUMENT with its field message, a store failure UNAVAILABLE (retryable, nothing was
 * acknowledged), anything else INTERNAL with a fixed description. Exception text never reaches the
 * caller, and the log names only the exception classes and stacks: a library's exception message
 * could quote the text it was given, so messages are never logged.
 */
final class GrpcCalls {
  private static final System.Logger LOG = System.getLogger(GrpcCalls.class.getName());

  private GrpcCalls() {}

  static <T> void unary(String method, StreamObserver<T> observer, Supplier<T> handler) {
    T response;
    try {
      response = handler.get();
    } catch (java.util.concurrent.CancellationException e) {
      io.grpc.Context context = io.grpc.Context.current();
      boolean expired = context.getDeadline() != null && context.getDeadline().isExpired();
      observer.onError((expired ? Status.DEADLINE_EXCEEDED : Status.CANCELLED)
          .withDescription(method + " stopped: " + (expired ? "deadline exceeded" : "cancelled")).asRuntimeException());
      return;
    } catch (InvalidArgument e) {
      observer.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (StoreException e) {
      LOG.log(Level.WARNING, method + ": profile store failed: " + e.getMessage()
          + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ": "
          + e.getCause().getMessage() + ")"));
      observer.onError(Status.UNAVAILABLE.withDescription("profile store unavailable; nothing was stored, retry")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, method + ": internal error " + withoutMessages(e));
      observer.onError(Status.INTERNAL.withDescription("internal error").asRuntimeException());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /** Exception classes and stack frames of {@code e} and its causes, without their messages. */
  private static String withoutMessages(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      out.append(t == e ? "" : "\ncaused by ").append(t.getClass().getName());
      for (StackTraceElement frame : t.getStackTrace()) {
        out.append("\n\tat ").append(frame);
      }
    }
    return out.toString();
  }
}
