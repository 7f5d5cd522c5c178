package dev.chatsignal.api;

import com.google.protobuf.CodedOutputStream;
import dev.chatsignal.scoring.ScoreResult;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A ScoreCandidates response as grpc reads it. As grpc-java's {@code ProtoInputStream} does for a
 * generated message, it knows its length before writing ({@link KnownLength}) and writes itself into
 * grpc's output buffers when drained ({@link Drainable}), so the response is encoded once and never
 * held whole in a byte array. A transport that reads it instead (in-process) gets the bytes written
 * straight into its buffer when that buffer is large enough, else through one byte array. Single use,
 * not thread-safe, like any InputStream.
 */
final class ScoreResponseStream extends InputStream implements Drainable, KnownLength {
  private final ScoreResponseWriter writer;
  private final ScoreResponseWriter.Items items;
  private final int size;
  /** The response until it is written or copied to {@link #partial}; then null. */
  private ScoreResult result;
  private ByteArrayInputStream partial;

  ScoreResponseStream(ScoreResponseWriter writer, ScoreResult result) {
    this.writer = writer;
    this.result = result;
    this.items = writer.items(result);
    this.size = writer.size(result, items);
  }

  @Override
  public int drainTo(OutputStream target) throws IOException {
    if (result != null) {
      int buffer = Math.min(size, CodedOutputStream.DEFAULT_BUFFER_SIZE);
      CodedOutputStream out = CodedOutputStream.newInstance(target, buffer);
      writer.write(result, items, out);
      out.flush();
      result = null;
      return size;
    }
    if (partial != null) {
      int written = (int) partial.transferTo(target);
      partial = null;
      return written;
    }
    return 0;
  }

  @Override
  public int read() throws IOException {
    toPartial();
    return partial == null ? -1 : partial.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (result != null && size > 0 && len >= size) {
      writeInto(b, off);
      return size;
    }
    toPartial();
    return partial == null ? -1 : partial.read(b, off, len);
  }

  @Override
  public int available() {
    if (result != null) {
      return size;
    }
    return partial == null ? 0 : partial.available();
  }

  /** Encodes the response into a byte array once it is to be read in pieces. */
  private void toPartial() throws IOException {
    if (result == null) {
      return;
    }
    byte[] bytes = new byte[size];
    writeInto(bytes, 0);
    partial = new ByteArrayInputStream(bytes);
  }

  /** Encodes the response into {@code size} bytes of {@code target} from {@code offset}; it is then spent. */
  private void writeInto(byte[] target, int offset) throws IOException {
    CodedOutputStream out = CodedOutputStream.newInstance(target, offset, size);
    writer.write(result, items, out);
    out.checkNoSpaceLeft();
    result = null;
  }
}
