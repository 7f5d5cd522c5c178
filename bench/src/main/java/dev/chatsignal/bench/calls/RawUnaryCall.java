package dev.chatsignal.bench.calls;

import com.google.protobuf.CodedOutputStream;
import dev.chatsignal.bench.load.BytesMarshaller;
import dev.chatsignal.bench.load.CallSpec;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * {@code grpc.testing.BenchmarkService/UnaryCall} sized like a chatsignal call: its serialized
 * {@code SimpleRequest} has the same number of bytes as the chatsignal request, and it asks for a
 * {@code SimpleResponse} of the same number of bytes as the chatsignal response.
 *
 * <p>The messages are encoded here from grpc-java's {@code messages.proto} field numbers rather than
 * from its generated classes, which live only on the 1.79 benchmark classpath:
 * {@code SimpleRequest{response_type=1 (COMPRESSABLE = 0, omitted), response_size=2, payload=3}},
 * {@code Payload{type=1 (omitted), body=2}}, {@code SimpleResponse{payload=1}}. The server answers
 * with a zero-filled body of {@code response_size} bytes.
 */
public final class RawUnaryCall {
  static final MethodDescriptor<byte[], byte[]> METHOD = MethodDescriptor.<byte[], byte[]>newBuilder(
          BytesMarshaller.INSTANCE, BytesMarshaller.INSTANCE)
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("grpc.testing.BenchmarkService/UnaryCall")
      .build();

  private RawUnaryCall() {}

  /**
   * The raw call matching {@code like}'s request and response sizes, checked once against the server.
   *
   * @throws IllegalStateException when the server's response size differs from the requested one
   */
  public static CallSpec sizedLike(CallSpec like, Channel channel) {
    int bodySize = responseBodyFor(like.responseBytes());
    byte[] request = requestOf(like.requestBytes(), bodySize);
    CallSpec call = new CallSpec(like.name(), METHOD, request, like.responseBytes());
    byte[] response = ClientCalls.blockingUnaryCall(channel, METHOD,
        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request);
    if (response.length != like.responseBytes() || request.length != like.requestBytes()) {
      throw new IllegalStateException(like.name() + ": raw call is " + request.length + "/" + response.length
          + " bytes (expected: " + like.requestBytes() + "/" + like.responseBytes() + ")");
    }
    return call;
  }

  /** The response_size whose SimpleResponse serializes to exactly {@code responseBytes}. */
  static int responseBodyFor(int responseBytes) {
    if (responseBytes == 0) {
      return 0;
    }
    for (int body = responseBytes; body > 0; body--) {
      if (lengthDelimited(lengthDelimited(body)) == responseBytes) {
        return body;
      }
    }
    throw new IllegalArgumentException("responseBytes: " + responseBytes + " (expected: 0 or >= 4)");
  }

  /** A SimpleRequest of exactly {@code requestBytes} bytes asking for {@code responseSize}. */
  static byte[] requestOf(int requestBytes, int responseSize) {
    int head = responseSize == 0 ? 0 : 1 + CodedOutputStream.computeUInt32SizeNoTag(responseSize);
    for (int body = requestBytes - head; body >= 0; body--) {
      if (head + lengthDelimited(lengthDelimited(body)) == requestBytes) {
        return encode(requestBytes, responseSize, body);
      }
    }
    throw new IllegalArgumentException("requestBytes: " + requestBytes + " (expected: room for the header)");
  }

  /** Bytes of a field of tag < 16 holding {@code length} bytes: tag, length varint, content. */
  private static int lengthDelimited(int length) {
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
  }

  private static byte[] encode(int size, int responseSize, int body) {
    byte[] bytes = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      if (responseSize > 0) {
        out.writeInt32(2, responseSize);
      }
      out.writeTag(3, 2);
      out.writeUInt32NoTag(lengthDelimited(body));
      out.writeByteArray(2, new byte[body]);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes;
  }
}
