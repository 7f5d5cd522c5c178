package dev.chatsignal.topics;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The int8 form in which {@link PrototypeVectors} and {@link StaticEncoder} store vectors: one float
 * scale ({@code max |x| / 127}), then one signed byte per component ({@code round(x / scale)}). A
 * component is {@code byte * scale} again; cosine similarities move by well under 0.005.
 */
final class Int8Vector {
  private Int8Vector() {}

  /** Writes {@code v} as its scale followed by its {@code v.length} bytes. */
  static void write(DataOutputStream out, float[] v) throws IOException {
    float max = 1e-12f;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    float scale = max / 127f;
    out.writeFloat(scale);
    for (float x : v) {
      out.writeByte(Math.round(x / scale));
    }
  }
}
