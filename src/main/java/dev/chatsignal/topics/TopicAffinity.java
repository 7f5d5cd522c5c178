package dev.chatsignal.topics;

import java.util.List;
import java.util.Map;

/** TEMPORARY until the topics work lands. */
public final class TopicAffinity {
  public record AffinityEdge(int sourceTopicId, int targetTopicId, double weight, String reason) {}

  private final Map<Integer, List<AffinityEdge>> edges;

  private TopicAffinity(Map<Integer, List<AffinityEdge>> edges) {
    this.edges = edges;
  }

  public static TopicAffinity loadDefault(Taxonomy taxonomy) {
    return new TopicAffinity(Map.of(472, List.of(new AffinityEdge(472, 587, 0.8, "boots"),
        new AffinityEdge(472, 611, 0.6, "gear"), new AffinityEdge(472, 623, 0.6, "packs"))));
  }

  public String version() {
    return "affinity-v1";
  }

  public List<AffinityEdge> edgesFrom(int topic) {
    return edges.getOrDefault(topic, List.of());
  }
}
