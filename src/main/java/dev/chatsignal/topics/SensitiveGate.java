package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports the sensitive categories a text discloses, from its sentence embedding, with a linear model
 * ({@link SoftmaxRegression}) fitted to written example sentences per category and benign look-alikes
 * ({@code NONE}) in {@code sensitive_prototypes_v3.tsv}.
 *
 * <p>A category is reported when its probability is at least {@link #DEFAULT_THRESHOLD}. The threshold
 * and the curve it was read from are in {@code docs/classifier.md}. The fitted weights ship as
 * {@code sensitive_gate_v1.bin}, stamped with a digest of everything the fit depends on (examples,
 * labels, model, settings); when the stamp does not match, the model is fitted at start-up instead
 * (about 2 s) and a test fails until the file is regenerated ({@code FittedModelsWriter}). Immutable
 * and thread-safe.
 */
final class SensitiveGate {
  static final String DEFAULT_RESOURCE = "/topics/sensitive_prototypes_v3.tsv";
  /** Chosen operating point (docs/classifier.md): lowest threshold whose false alarms stay ≤ 5%, typed and voice. */
  static final double DEFAULT_THRESHOLD = 0.68;
  /* The weights file and the fit settings (L2 0.02, 400 steps, rate 1); the settings are in the stamp. */
  static final StampedModel MODEL = new StampedModel(0x43534757 /* "CSGW" */, "/topics/sensitive_gate_v1.bin", 0.02, 400, 1.0);

  private static final SensitiveCategory[] CATEGORIES = SensitiveCategory.values();
  private static final int NONE = CATEGORIES.length;

  private final SoftmaxRegression model;

  SensitiveGate(SoftmaxRegression model) {
    if (model.labels() != CATEGORIES.length + 1) {
      throw new IllegalArgumentException("labels: " + model.labels() + " (expected: " + (CATEGORIES.length + 1) + ")");
    }
    this.model = model;
  }

  /** The shipped examples and their labels (ordinals; NONE last). */
  static Map.Entry<List<String>, int[]> examples() {
    List<String> names = new ArrayList<>();
    for (SensitiveCategory c : CATEGORIES) {
      names.add(c.name());
    }
    names.add("NONE");
    return PrototypeIndex.readLabeled(DEFAULT_RESOURCE, PrototypeIndex.indexOf(names));
  }

  /** The shipped model: the weights file when its digest matches the examples, else a fresh fit. */
  static SensitiveGate load(PrototypeVectors vectors) {
    Map.Entry<List<String>, int[]> examples = examples();
    return new SensitiveGate(MODEL.loadOrFit(digest(vectors.modelId(), examples), () -> fit(vectors, examples)));
  }

  /** Fits the model to the examples' vectors. */
  static SoftmaxRegression fit(PrototypeVectors vectors, Map.Entry<List<String>, int[]> examples) {
    return MODEL.fit(vectors.vectorsOf(examples.getKey()), examples.getValue(), CATEGORIES.length + 1);
  }

  /** What the fit depends on, as a hex SHA-256: model, settings, and every example with its label. */
  static String digest(String modelId, Map.Entry<List<String>, int[]> examples) {
    return MODEL.digest(modelId, examples);
  }

  /** The probability of each category for the text embedded as {@code v}, by ordinal; last is NONE. */
  double[] probabilities(float[] v) {
    return model.probabilities(v);
  }

  /** The decision rule on precomputed probabilities, for curves over the operating point. */
  static Set<SensitiveCategory> detect(double[] probabilities, double threshold) {
    EnumSet<SensitiveCategory> found = EnumSet.noneOf(SensitiveCategory.class);
    for (SensitiveCategory c : CATEGORIES) {
      if (probabilities[c.ordinal()] >= threshold) {
        found.add(c);
      }
    }
    return found;
  }

  /** Probability that the text discloses nothing. */
  static double benign(double[] probabilities) {
    return probabilities[NONE];
  }
}
