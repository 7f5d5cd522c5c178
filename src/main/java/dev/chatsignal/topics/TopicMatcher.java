package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Similarity of a text to every taxonomy topic in embedding space. Each topic is represented by its
 * own name ("Hiking & Camping") and by the written example sentences in
 * {@code topic_prototypes_v1.tsv}; a topic's similarity is that of its nearest representative.
 * Immutable and thread-safe.
 */
final class TopicMatcher {
  static final String DEFAULT_RESOURCE = "/topics/topic_prototypes_v1.tsv";

  private final List<Topic> topics;
  private final PrototypeIndex index;

  private TopicMatcher(List<Topic> topics, PrototypeIndex index) {
    this.topics = topics;
    this.index = index;
  }

  /** Embeds every topic name plus the shipped examples; fails on an example naming an unknown topic. */
  static TopicMatcher load(Taxonomy taxonomy, PrototypeVectors encoder) {
    Map.Entry<List<String>, int[]> examples = namesAndExamples(taxonomy, List.of(DEFAULT_RESOURCE));
    return new TopicMatcher(taxonomy.all(),
        PrototypeIndex.build(encoder, examples.getKey(), examples.getValue(), taxonomy.size()));
  }

  /**
   * Every topic's name, then the example sentences of {@code resources} ({@code topic_id TAB sentence}),
   * each labeled with its topic's index in {@code taxonomy.all()}; fails on an unknown topic id. Also
   * the training examples of {@link TopicGate}.
   */
  static Map.Entry<List<String>, int[]> namesAndExamples(Taxonomy taxonomy, List<String> resources) {
    List<Topic> topics = taxonomy.all();
    Map<String, Integer> byId = PrototypeIndex.indexOf(topics.stream().map(t -> Integer.toString(t.id())).toList());
    List<String> sentences = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < topics.size(); i++) {
      sentences.add(topics.get(i).name());
      labels.add(i);
    }
    for (String resource : resources) {
      Map.Entry<List<String>, int[]> examples = PrototypeIndex.readLabeled(resource, byId);
      sentences.addAll(examples.getKey());
      for (int label : examples.getValue()) {
        labels.add(label);
      }
    }
    return Map.entry(sentences, labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Similarity per topic, in the order of {@link #topicAt}. */
  double[] similarities(float[] v) {
    return index.nearest(v);
  }

  Topic topicAt(int i) {
    return topics.get(i);
  }
}
