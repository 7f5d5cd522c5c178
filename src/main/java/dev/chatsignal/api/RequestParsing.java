package dev.chatsignal.api;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes request bytes that are not a valid message (broken wire format, invalid UTF-8 in a string)
 * an INVALID_ARGUMENT like any other malformed input. grpc-java parses a unary request only when the
 * client half-closes and reports a parse failure (the marshaller's StatusRuntimeException) as UNKNOWN
 * with a logged stack trace; here the failure becomes a marker that an interceptor answers with
 * INVALID_ARGUMENT. This works for any request marshaller, the generated ones and
 * {@link ScoreCandidatesCodec} alike; the request type is named from the method's protobuf schema.
 */
public final class RequestParsing {
  /**
   * Stands for a request that did not parse. It is handed on as the method's request type, which it is
   * not: interceptors outside the {@link Rejecter} pass messages on without looking at them, and the
   * Rejecter stops it before any handler sees it.
   */
  private static final Object UNPARSEABLE = new Object();

  private RequestParsing() {}

  /** The same service (same schema for reflection) with strict, well-reported request parsing. */
  public static ServerServiceDefinition strict(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    Map<String, String> requestTypes = new HashMap<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> strict = withMarkedParsing(method);
      descriptor.addMethod(strict.getMethodDescriptor());
      methods.add(strict);
      requestTypes.put(method.getMethodDescriptor().getFullMethodName(), requestType(method.getMethodDescriptor()));
    }
    ServerServiceDefinition.Builder rebuilt = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(rebuilt::addMethod);
    return ServerInterceptors.intercept(rebuilt.build(), new Rejecter(requestTypes));
  }

  /** The full protobuf name of the method's request message, e.g. chatsignal.v1.ScoreCandidatesRequest. */
  private static String requestType(MethodDescriptor<?, ?> method) {
    if (!(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier schema)) {
      throw new IllegalArgumentException(method.getFullMethodName() + ": no protobuf schema (expected: a method"
          + " descriptor from generated code, or one derived from it with toBuilder)");
    }
    return schema.getMethodDescriptor().getInputType().getFullName();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> withMarkedParsing(ServerMethodDefinition<Q, R> method) {
    return ServerMethodDefinition.create(marked(method.getMethodDescriptor()), method.getServerCallHandler());
  }

  private static <Q, R> MethodDescriptor<Q, R> marked(MethodDescriptor<Q, R> method) {
    MethodDescriptor.Marshaller<Q> parse = method.getRequestMarshaller();
    @SuppressWarnings("unchecked") // not a Q: see UNPARSEABLE
    Q unparseable = (Q) UNPARSEABLE;
    MethodDescriptor.Marshaller<Q> lenient = new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(Q value) {
        return parse.stream(value);
      }

      @Override
      public Q parse(InputStream stream) {
        try {
          return parse.parse(stream);
        } catch (StatusRuntimeException e) {
          return unparseable;
        }
      }
    };
    return method.toBuilder(lenient, method.getResponseMarshaller()).build();
  }

  /** Answers a request that did not parse with INVALID_ARGUMENT and never hands it to the service. */
  private static final class Rejecter implements ServerInterceptor {
    private final Map<String, String> requestTypes;

    Rejecter(Map<String, String> requestTypes) {
      this.requestTypes = Map.copyOf(requestTypes);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      ServerCall.Listener<Q> delegate = next.startCall(call, headers);
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
        private boolean rejected;

        @Override
        public void onMessage(Q message) {
          if (message == UNPARSEABLE) {
            rejected = true;
            call.close(Status.INVALID_ARGUMENT.withDescription("request: bytes that are not a valid "
                + requestTypes.get(call.getMethodDescriptor().getFullMethodName())
                + " (expected: protobuf wire format with UTF-8 strings)"), new Metadata());
            return;
          }
          super.onMessage(message);
        }

        @Override
        public void onHalfClose() {
          if (!rejected) {
            super.onHalfClose();
          }
        }
      };
    }
  }
}
