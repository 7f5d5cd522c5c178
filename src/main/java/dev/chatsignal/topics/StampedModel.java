package dev.chatsignal.topics;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A fitted {@link SoftmaxRegression} stored with a stamp: the SHA-256 of everything its fit depends on
 * (model, settings, and every example with its label). A file whose stamp differs from the current
 * inputs is stale and is not used. Shared by {@link SensitiveGate} and {@link TopicGate}.
 */
final class StampedModel {
  private StampedModel() {}

  /** The stamp of a fit: {@code header} names the model and settings; then every example and label. */
  static String digest(String header, Map.Entry<List<String>, int[]> examples) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((header + "\n").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < examples.getValue().length; i++) {
        sha.update((examples.getValue()[i] + "\t" + TextNormalizer.normalized(examples.getKey().get(i)) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(int magic, SoftmaxRegression model, String digest, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(magic);
    data.writeUTF(digest);
    model.write(data);
    data.flush();
  }

  /**
   * The model stored in classpath {@code resource} when its magic and stamp equal {@code digest};
   * otherwise (no file, another model's file, a stale stamp) a fresh {@code fit}.
   */
  static SoftmaxRegression loadOrFit(int magic, String resource, String digest, Supplier<SoftmaxRegression> fit) {
    InputStream in = StampedModel.class.getResourceAsStream(resource);
    SoftmaxRegression stored = in == null ? null : read(magic, in, digest, resource);
    return stored != null ? stored : fit.get();
  }

  /** The stored model when the file's magic and stamp match; null otherwise. Closes {@code in}. */
  static SoftmaxRegression read(int magic, InputStream in, String digest, String name) {
    try (DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
      if (data.readInt() != magic || !data.readUTF().equals(digest)) {
        return null;
      }
      return SoftmaxRegression.read(data);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }
}
