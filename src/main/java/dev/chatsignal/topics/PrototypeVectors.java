package dev.chatsignal.topics;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors for prototype sentences: precomputed ones from {@code prototype_vectors_v1.bin} when present
 * and made by the same model, otherwise computed by the {@link SentenceEncoder}.
 *
 * <p>Why precomputed: embedding the ~870 prototype sentences at start-up costs seconds; reading them
 * costs milliseconds. The file is a cache, never a source of truth: a sentence missing from it (an edited
 * prototype) is embedded at start-up, and a test fails until the file is regenerated
 * ({@code PrototypeVectorsWriter}). Stored as {@link Int8Vector}s. Immutable and thread-safe after loading.
 */
final class PrototypeVectors {
  static final String DEFAULT_RESOURCE = "/topics/prototype_vectors_v1.bin";
  private static final int MAGIC = 0x43535056; // "CSPV"

  private final TextEncoder encoder;
  private final Map<String, float[]> stored;

  PrototypeVectors(TextEncoder encoder, Map<String, float[]> stored) {
    this.encoder = encoder;
    this.stored = Map.copyOf(stored);
  }

  /** Reads the shipped file if it exists and matches the encoder's model; otherwise stores nothing. */
  static PrototypeVectors load(TextEncoder encoder) {
    InputStream in = PrototypeVectors.class.getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      return new PrototypeVectors(encoder, Map.of());
    }
    return read(encoder, in);
  }

  /** Reads vectors in the shipped format from {@code in} (closed afterwards). */
  static PrototypeVectors read(TextEncoder encoder, InputStream in) {
    try (DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
      return new PrototypeVectors(encoder, read(data, encoder.modelId()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading prototype vectors", e);
    }
  }

  /** The unit vector of a normalized sentence. */
  float[] vectorOf(String normalized) {
    float[] v = stored.get(normalized);
    return v != null ? v : encoder.encode(normalized);
  }

  /** The unit vectors of {@code sentences}, each normalized as chat text is first (for fitting). */
  float[][] vectorsOf(List<String> sentences) {
    float[][] x = new float[sentences.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = vectorOf(TextNormalizer.normalized(sentences.get(i)));
    }
    return x;
  }

  /** The encoder's model, whose vectors these are. */
  String modelId() {
    return encoder.modelId();
  }

  boolean isStored(String normalized) {
    return stored.containsKey(normalized);
  }

  private static Map<String, float[]> read(DataInputStream in, String modelId) throws IOException {
    if (in.readInt() != MAGIC || !in.readUTF().equals(modelId)) {
      return Map.of();
    }
    int count = in.readInt();
    int dims = in.readInt();
    Map<String, float[]> vectors = new HashMap<>(count * 2);
    byte[] q = new byte[dims];
    for (int i = 0; i < count; i++) {
      String sentence = in.readUTF();
      float scale = in.readFloat();
      in.readFully(q);
      float[] v = new float[dims];
      for (int j = 0; j < dims; j++) {
        v[j] = q[j] * scale;
      }
      vectors.put(sentence, SentenceEncoder.normalize(v));
    }
    return vectors;
  }

  /** Writes {@code vectors} (normalized sentence to unit vector) in the format {@link #load} reads. */
  static void write(Map<String, float[]> vectors, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeUTF(SentenceEncoder.MODEL_ID);
    data.writeInt(vectors.size());
    data.writeInt(SentenceEncoder.DIMENSIONS);
    for (Map.Entry<String, float[]> e : new java.util.TreeMap<>(vectors).entrySet()) {
      data.writeUTF(e.getKey());
      Int8Vector.write(data, e.getValue());
    }
    data.flush();
  }
}
