package dev.chatsignal.testing;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Protobuf wire bytes written by hand, for what builders cannot express (order, repeats, bad input). */
public final class WireBytes {
  /** Writes some fields. */
  public interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private WireBytes() {}

  public static byte[] of(Fields fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      fields.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The parts one after the other: for messages, their fields merged (the later value of a scalar wins). */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
