package dev.chatsignal.bench.load;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Passes messages through as the bytes they were serialized to. The generator sends pre-serialized
 * requests and counts response bytes without parsing them, so that its own CPU cost per call is the
 * same for chatsignal and for the raw benchmark service and depends only on the message sizes, which
 * the bench makes equal. Thread-safe (stateless).
 */
public final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  public static final BytesMarshaller INSTANCE = new BytesMarshaller();

  private BytesMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same full method name as {@code method}, carrying raw bytes both ways. */
  public static MethodDescriptor<byte[], byte[]> of(MethodDescriptor<?, ?> method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder(INSTANCE, INSTANCE)
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(method.getFullMethodName())
        .build();
  }
}
