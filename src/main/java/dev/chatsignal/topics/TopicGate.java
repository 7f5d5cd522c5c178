package dev.chatsignal.topics;

import java.util.List;
import java.util.Map;

/**
 * The probability of each taxonomy topic for a text's sentence embedding: a {@link SoftmaxRegression}
 * over all topics, fitted to every topic's own name ("Hiking & Camping") and the written example
 * sentences in {@code topic_prototypes_v1.tsv}, {@code topic_examples_v2.tsv} and {@code topic_examples_v3.tsv}.
 *
 * <p>Why: the nearest topic name or example in static-vector space ({@link TopicMatcher}) misses chats
 * that never name their topic; the linear model over the sentence embedding (computed anyway for
 * {@link SensitiveGate}) ranks them far better on held-out chats (docs/classifier.md). Fitting takes
 * minutes, so the weights ship as {@code topic_gate_v1.bin}, stamped with a SHA-256 of everything the
 * fit depends on; a test fails when the stamp is stale (regenerate with {@code FittedModelsWriter}), and a
 * stale file is re-fitted at start-up rather than used. Immutable and thread-safe.
 */
final class TopicGate {
  static final List<String> EXAMPLE_RESOURCES = List.of(TopicMatcher.DEFAULT_RESOURCE, "/topics/topic_examples_v2.tsv",
      "/topics/topic_examples_v3.tsv");
  /* The weights file and the fit settings (L2 0.01, 300 steps, rate 1); the settings are in the stamp. */
  static final StampedModel MODEL = new StampedModel(0x43535447 /* "CSTG" */, "/topics/topic_gate_v1.bin", 0.01, 300, 1.0);

  private final List<Topic> topics;
  private final SoftmaxRegression model;

  TopicGate(List<Topic> topics, SoftmaxRegression model) {
    if (model.labels() != topics.size()) {
      throw new IllegalArgumentException("labels: " + model.labels() + " (expected: " + topics.size() + ")");
    }
    this.topics = List.copyOf(topics);
    this.model = model;
  }

  /** Every topic's name, then the shipped examples, each with its topic's index in {@code taxonomy.all()}. */
  static Map.Entry<List<String>, int[]> examples(Taxonomy taxonomy) {
    return TopicMatcher.namesAndExamples(taxonomy, EXAMPLE_RESOURCES);
  }

  /** The shipped model: the weights file when its stamp matches, else a fresh fit (minutes). */
  static TopicGate load(Taxonomy taxonomy, PrototypeVectors vectors) {
    Map.Entry<List<String>, int[]> examples = examples(taxonomy);
    return new TopicGate(taxonomy.all(),
        MODEL.loadOrFit(digest(vectors.modelId(), examples), () -> fit(vectors, examples, taxonomy.size())));
  }

  static SoftmaxRegression fit(PrototypeVectors vectors, Map.Entry<List<String>, int[]> examples, int topicCount) {
    return MODEL.fit(vectors.vectorsOf(examples.getKey()), examples.getValue(), topicCount);
  }

  static String digest(String modelId, Map.Entry<List<String>, int[]> examples) {
    return MODEL.digest(modelId + "|topics", examples);
  }

  /** Probability per topic, in the order of {@link #topicAt}. */
  double[] probabilities(float[] v) {
    return model.probabilities(v);
  }

  Topic topicAt(int i) {
    return topics.get(i);
  }
}
