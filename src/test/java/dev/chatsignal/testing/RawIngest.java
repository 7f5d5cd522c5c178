package dev.chatsignal.testing;

import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.InteractionServiceGrpc;
import io.grpc.Channel;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** IngestInteractions with a request given as raw bytes, to send what a proto builder would refuse. */
public final class RawIngest {
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private RawIngest() {}

  public static IngestInteractionsResponse send(Channel channel, byte[] request) {
    MethodDescriptor<byte[], IngestInteractionsResponse> method = InteractionServiceGrpc.getIngestInteractionsMethod()
        .toBuilder(BYTES, ProtoUtils.marshaller(IngestInteractionsResponse.getDefaultInstance())).build();
    return ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
        request);
  }
}
