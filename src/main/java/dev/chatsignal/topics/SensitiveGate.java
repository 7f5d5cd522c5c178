package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports the sensitive categories a text is close to in embedding space, from written example
 * sentences per category ({@code sensitive_prototypes_v2.tsv}) and benign look-alikes ({@code NONE}).
 *
 * <p>A category is reported when the text's nearest example of it is at least {@link #DEFAULT_THRESHOLD}
 * similar, beats the nearest benign example by at least {@link #DEFAULT_MARGIN}, and is within
 * {@value #RUNNER_UP} of the nearest category. The benign examples are
 * what lets the threshold sit low (recall first) without flagging "my laptop caught a virus". The
 * operating point and the curve it was read from are in {@code docs/classifier.md}. Immutable and
 * thread-safe.
 */
final class SensitiveGate {
  static final String DEFAULT_RESOURCE = "/topics/sensitive_prototypes_v2.tsv";
  /** Chosen operating point (docs/classifier.md): lowest threshold whose false alarms stay ≤ 5%, typed and voice. */
  static final double DEFAULT_THRESHOLD = 0.44;
  static final double DEFAULT_MARGIN = 0.05;
  /* A second category is reported only this close to the nearest one. */
  static final double RUNNER_UP = 0.03;

  private static final SensitiveCategory[] CATEGORIES = SensitiveCategory.values();
  private static final int NONE = CATEGORIES.length;

  private final PrototypeIndex index;

  SensitiveGate(PrototypeIndex index) {
    this.index = index;
  }

  /** Embeds the shipped examples (precomputed where possible) at the default operating point. */
  static SensitiveGate load(PrototypeVectors encoder) {
    List<String> names = new ArrayList<>();
    for (SensitiveCategory c : CATEGORIES) {
      names.add(c.name());
    }
    names.add("NONE");
    Map.Entry<List<String>, int[]> labeled =
        PrototypeIndex.readLabeled(DEFAULT_RESOURCE, PrototypeIndex.indexOf(names));
    PrototypeIndex index = PrototypeIndex.build(encoder, labeled.getKey(), labeled.getValue(), names.size());
    return new SensitiveGate(index);
  }

  /** Similarity of {@code v} to the nearest example per category, indexed by ordinal; last is NONE. */
  double[] similarities(float[] v) {
    return index.nearest(v);
  }

  /** Similarity to the nearest benign example, from {@link #similarities}. */
  static double benign(double[] sims) {
    return sims[NONE];
  }

  /** The decision rule on precomputed similarities, for curves over the operating point. */
  static Set<SensitiveCategory> detect(double[] sims, double threshold, double margin) {
    double best = -1;
    for (SensitiveCategory c : CATEGORIES) {
      best = Math.max(best, sims[c.ordinal()]);
    }
    EnumSet<SensitiveCategory> found = EnumSet.noneOf(SensitiveCategory.class);
    for (SensitiveCategory c : CATEGORIES) {
      double s = sims[c.ordinal()];
      // categories well below the nearest one are the embedding's background, not a second disclosure
      if (s >= threshold && s - sims[NONE] >= margin && best - s <= RUNNER_UP) {
        found.add(c);
      }
    }
    return found;
  }
}
