package dev.chatsignal.topics;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build step (Maven's {@code process-classes}, see pom.xml): distills the {@link SentenceEncoder}'s
 * model into the static token vectors {@link StaticEncoder} reads. Every lower-case ASCII WordPiece
 * token of the model's vocabulary (about 27,500) is run through the model on its own. Takes about 5 s
 * on two cores; skipped when the output already holds this model's vectors.
 *
 * <p>Why at build time: the output (10 MB) is a pure function of the pinned model artifact, so it is
 * derived like generated code, never committed.
 */
public final class StaticVectorsWriter {
  private static final int BATCH = 512;

  private StaticVectorsWriter() {}

  /** {@code args[0]}: the output file, e.g. {@code target/classes/topics/static_token_vectors.bin}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: StaticVectorsWriter <output file>");
    }
    Path out = Path.of(args[0]);
    if (holdsCurrentModel(out)) {
      return;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    List<Map.Entry<String, Integer>> vocabulary = vocabulary();
    String[] tokens = vocabulary.stream().map(Map.Entry::getKey).toArray(String[]::new);
    int[] ids = vocabulary.stream().mapToInt(Map.Entry::getValue).toArray();
    float[][] vectors = new float[ids.length][];
    long start = System.nanoTime();
    try (SentenceEncoder encoder = new SentenceEncoder(Runtime.getRuntime().availableProcessors())) {
      for (int i = 0; i < ids.length; i += BATCH) {
        int[] batch = java.util.Arrays.copyOfRange(ids, i, Math.min(ids.length, i + BATCH));
        float[][] part = encoder.encodeTokens(batch);
        System.arraycopy(part, 0, vectors, i, part.length);
      }
    }
    Path partial = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream o = Files.newOutputStream(partial)) {
      StaticEncoder.write(SentenceEncoder.MODEL_ID, tokens, ids, vectors, o);
    }
    Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.printf("static token vectors: %d tokens from %s in %.1f s -> %s%n", tokens.length,
        SentenceEncoder.MODEL_ID, (System.nanoTime() - start) / 1e9, out);
  }

  /* The tokens a normalized chat can contain: lower-case ASCII words and their ## continuations. */
  static List<Map.Entry<String, Integer>> vocabulary() throws IOException {
    try (InputStream in = SentenceEncoder.resource(SentenceEncoder.TOKENIZER_RESOURCE)) {
      JsonObject vocab = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject().getAsJsonObject("model").getAsJsonObject("vocab");
      List<Map.Entry<String, Integer>> out = new ArrayList<>();
      for (Map.Entry<String, com.google.gson.JsonElement> e : vocab.entrySet()) {
        if (e.getKey().matches("(##)?[a-z0-9]+")) {
          out.add(Map.entry(e.getKey(), e.getValue().getAsInt()));
        }
      }
      out.sort(Map.Entry.comparingByValue());
      return out;
    }
  }

  private static boolean holdsCurrentModel(Path out) throws IOException {
    if (!Files.exists(out)) {
      return false;
    }
    try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
      return StaticEncoder.modelOf(in).equals(SentenceEncoder.MODEL_ID);
    } catch (IOException e) { // unreadable or not ours: write it anew
      return false;
    }
  }
}
