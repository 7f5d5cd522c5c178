package dev.chatsignal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.InteractionServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Bytes that do not parse as the request (bad UTF-8 in a string, garbage) are INVALID_ARGUMENT. */
class MalformedBytesTest {
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

  private static Status send(TestServer server, byte[] request) {
    MethodDescriptor<byte[], IngestInteractionsResponse> method = InteractionServiceGrpc
        .getIngestInteractionsMethod().toBuilder(BYTES,
            ProtoUtils.marshaller(IngestInteractionsResponse.getDefaultInstance())).build();
    return assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(server.channel, method,
        io.grpc.CallOptions.DEFAULT, request)).getStatus();
  }

  @Test
  void invalidUtf8AndGarbage_areInvalidArgument() {
    try (TestServer server = TestServer.inMemory()) {
      // field 1 (interactions), length 4: field 1 (interaction_id) of 2 bytes that are not UTF-8
      byte[] badUtf8 = {0x0a, 0x04, 0x0a, 0x02, (byte) 0xc3, (byte) 0x28};
      Status utf8 = send(server, badUtf8);
      assertEquals(Status.Code.INVALID_ARGUMENT, utf8.getCode(), utf8.toString());
      Status garbage = send(server, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
      assertEquals(Status.Code.INVALID_ARGUMENT, garbage.getCode(), garbage.toString());
    }
  }
}
