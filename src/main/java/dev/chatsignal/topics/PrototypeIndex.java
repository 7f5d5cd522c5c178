package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Labeled example sentences embedded once, answering "how close is this text to the nearest example of
 * each label". Labels are dense ints {@code 0..labelCount-1} chosen by the caller.
 *
 * <p>Why nearest example rather than a centroid per label: a category such as health spans questions
 * about rare diseases, a broken arm and a therapist; their centroid sits near none of them. The nearest
 * example keeps each phrasing its own region. Immutable and thread-safe after construction.
 */
final class PrototypeIndex {
  private final float[][] vectors;
  private final int[] labels;
  private final int labelCount;

  private PrototypeIndex(float[][] vectors, int[] labels, int labelCount) {
    this.vectors = vectors;
    this.labels = labels;
    this.labelCount = labelCount;
  }

  /**
   * Embeds {@code sentences} (normalized as chat text is), in parallel where not precomputed.
   *
   * @param labels one label in {@code [0, labelCount)} per sentence
   */
  static PrototypeIndex build(PrototypeVectors source, List<String> sentences, int[] labels, int labelCount) {
    if (sentences.size() != labels.length) {
      throw new IllegalArgumentException("sentences: " + sentences.size() + " (expected: " + labels.length + ")");
    }
    float[][] vectors = new float[sentences.size()][];
    IntStream.range(0, vectors.length).parallel()
        .forEach(i -> vectors[i] = source.vectorOf(TextNormalizer.normalized(sentences.get(i))));
    return new PrototypeIndex(vectors, labels.clone(), labelCount);
  }

  /**
   * Reads a two-column resource ({@code label TAB sentence}) and maps each label with {@code labelIds}.
   *
   * @return the sentences and their label ids, in file order
   */
  static Map.Entry<List<String>, int[]> readLabeled(String resource, Map<String, Integer> labelIds) {
    List<String> sentences = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (LexiconFile.Line line : LexiconFile.read(resource)) {
      Integer id = labelIds.get(line.field(0));
      if (id == null) {
        throw line.error("unknown label '" + line.field(0) + "'");
      }
      if (line.field(1).isBlank()) {
        throw line.error("no sentence");
      }
      sentences.add(line.field(1));
      ids.add(id);
    }
    return Map.entry(sentences, ids.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Convenience for callers that name labels by string. */
  static Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ids.put(names.get(i), i);
    }
    return ids;
  }

  /** Cosine similarity of {@code v} (unit length) to the nearest example of each label; -1 when none. */
  double[] nearest(float[] v) {
    double[] best = new double[labelCount];
    java.util.Arrays.fill(best, -1);
    for (int i = 0; i < vectors.length; i++) {
      double s = SentenceEncoder.dot(v, vectors[i]);
      if (s > best[labels[i]]) {
        best[labels[i]] = s;
      }
    }
    return best;
  }
}
