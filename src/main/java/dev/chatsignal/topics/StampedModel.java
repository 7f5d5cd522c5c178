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
 * One fitted {@link SoftmaxRegression} that ships as a classpath file with a stamp: the SHA-256 of
 * everything its fit depends on (model, settings, and every example with its label). A file whose
 * stamp differs from the current inputs is stale and is not used. {@link SensitiveGate},
 * {@link TopicGate} and {@link KeywordSense} each hold one.
 *
 * @param magic the file's first int, so that one model's file is never read as another's
 * @param resource the classpath file
 * @param l2 weight decay of the fit
 * @param steps full-batch gradient steps of the fit
 * @param rate step size of the fit
 */
record StampedModel(int magic, String resource, double l2, int steps, double rate) {

  /** Fits the model to {@code x} (unit vectors) labeled {@code y} in {@code [0, labels)}. */
  SoftmaxRegression fit(float[][] x, int[] y, int labels) {
    return SoftmaxRegression.fit(x, y, labels, l2, steps, rate);
  }

  /** The settings part of a stamp, after {@code identity} (the encoder's model, and what else names the fit). */
  String header(String identity) {
    return identity + "|" + l2 + "|" + steps + "|" + rate + "|" + SoftmaxRegression.INPUT_SCALE;
  }

  /** The stamp of a fit: {@link #header} then every example and label. */
  String digest(String identity, Map.Entry<List<String>, int[]> examples) {
    return digestOf(header(identity), examples);
  }

  /** The stamp of {@code header} followed by every example and its label. */
  static String digestOf(String header, Map.Entry<List<String>, int[]> examples) {
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

  /** Writes a fitted model stamped with {@code digest}. */
  void write(SoftmaxRegression model, String digest, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(magic);
    data.writeUTF(digest);
    model.write(data);
    data.flush();
  }

  /** The shipped file's model when its magic and stamp equal {@code digest}; otherwise (no file, a stale stamp) a fresh {@code fit}. */
  SoftmaxRegression loadOrFit(String digest, Supplier<SoftmaxRegression> fit) {
    InputStream in = StampedModel.class.getResourceAsStream(resource);
    SoftmaxRegression stored = in == null ? null : read(in, digest);
    return stored != null ? stored : fit.get();
  }

  /** The stored model when the file's magic and stamp match; null otherwise. Closes {@code in}. */
  SoftmaxRegression read(InputStream in, String digest) {
    try (DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
      if (data.readInt() != magic || !data.readUTF().equals(digest)) {
        return null;
      }
      return SoftmaxRegression.read(data);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }
}
