package dev.chatsignal.api;

import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
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
import java.io.InputStream;

/**
 * Makes request bytes that are not a valid message (broken wire format, invalid UTF-8 in a string)
 * an INVALID_ARGUMENT like any other malformed input. grpc-java parses a unary request only when the
 * client half-closes and reports a parse failure as UNKNOWN with a logged stack trace; here the
 * parse failure becomes a marked empty message that an interceptor answers with INVALID_ARGUMENT.
 */
public final class RequestParsing {
  /** An unknown field number no chatsignal message uses: marks a request that did not parse. */
  private static final int UNPARSEABLE = 536_870_911;

  private RequestParsing() {}

  /** The same service (same schema for reflection) with strict, well-reported request parsing. */
  public static ServerServiceDefinition strict(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    java.util.List<ServerMethodDefinition<?, ?>> methods = new java.util.ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> strict = withMarkedParsing(method);
      descriptor.addMethod(strict.getMethodDescriptor());
      methods.add(strict);
    }
    ServerServiceDefinition.Builder rebuilt = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(rebuilt::addMethod);
    return ServerInterceptors.intercept(rebuilt.build(), new Rejecter());
  }

  private static <Q, R> ServerMethodDefinition<Q, R> withMarkedParsing(ServerMethodDefinition<Q, R> method) {
    return ServerMethodDefinition.create(marked(method.getMethodDescriptor()), method.getServerCallHandler());
  }

  @SuppressWarnings("unchecked")
  private static <Q, R> MethodDescriptor<Q, R> marked(MethodDescriptor<Q, R> method) {
    MethodDescriptor.Marshaller<Q> parse = method.getRequestMarshaller();
    if (!(parse instanceof MethodDescriptor.PrototypeMarshaller<?> prototyped)
        || !(prototyped.getMessagePrototype() instanceof Message prototype)) {
      return method;
    }
    Q unparseable = (Q) prototype.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(UNPARSEABLE, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build();
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

  /** Answers a marked request with INVALID_ARGUMENT and never hands it to the service. */
  private static final class Rejecter implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      ServerCall.Listener<Q> delegate = next.startCall(call, headers);
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
        private boolean rejected;

        @Override
        public void onMessage(Q message) {
          if (message instanceof Message m && m.getUnknownFields().hasField(UNPARSEABLE)) {
            rejected = true;
            call.close(Status.INVALID_ARGUMENT.withDescription("request: bytes that are not a valid "
                + m.getDescriptorForType().getFullName() + " (expected: protobuf wire format with UTF-8 strings)"),
                new Metadata());
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
