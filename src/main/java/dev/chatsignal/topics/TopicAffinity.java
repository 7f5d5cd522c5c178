package dev.chatsignal.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The auditable, versioned map that links a topic to related topics in other branches of the
 * taxonomy (Hiking &amp; Camping → Boots), so an interest learnt from chats can score ads filed
 * elsewhere. Parent/child links are not here: the hierarchy is matched by the scorer.
 *
 * <p>Loading validates every line and fails with an {@link IllegalStateException} naming it: unknown
 * topic ids, weights outside (0, 1], self edges, parent/child edges, duplicate edges, an empty reason,
 * and — the privacy invariant — any edge whose target <em>or</em> source is ads-sensitive
 * ({@link Taxonomy#isAdsSensitive}), so the map can never carry a sensitive interest to an ad.
 * Immutable and thread-safe.
 */
public final class TopicAffinity {
  public static final String DEFAULT_RESOURCE = "/topics/topic_affinity_v1.csv";
  public static final String DEFAULT_VERSION = "affinity-v1";

  /**
   * One directed link.
   *
   * @param sourceTopicId the topic a user is interested in
   * @param targetTopicId the related topic it lends weight to
   * @param weight the share of the source's weight the target receives, in (0, 1]
   * @param reason why the link exists, for reviewers and explanations
   */
  public record AffinityEdge(int sourceTopicId, int targetTopicId, double weight, String reason) {}

  private final String version;
  private final List<AffinityEdge> all;
  private final Map<Integer, List<AffinityEdge>> bySource;

  private TopicAffinity(String version, List<AffinityEdge> edges) {
    this.version = version;
    this.all = List.copyOf(edges);
    Map<Integer, List<AffinityEdge>> map = new LinkedHashMap<>();
    for (AffinityEdge edge : edges) {
      map.computeIfAbsent(edge.sourceTopicId(), k -> new ArrayList<>()).add(edge);
    }
    map.replaceAll((k, v) -> v.stream()
        .sorted(Comparator.comparingDouble(AffinityEdge::weight).reversed()
            .thenComparingInt(AffinityEdge::targetTopicId))
        .toList());
    this.bySource = Map.copyOf(map);
  }

  /** Loads the shipped {@code topic_affinity_v1.csv}, validated against {@code taxonomy}. */
  public static TopicAffinity loadDefault(Taxonomy taxonomy) {
    return load(taxonomy, DEFAULT_RESOURCE, DEFAULT_VERSION);
  }

  /** Loads a classpath CSV resource ({@code source_topic_id,target_topic_id,weight,reason}). */
  public static TopicAffinity load(Taxonomy taxonomy, String resource, String version) {
    try (InputStream in = TopicAffinity.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return fromLines(taxonomy, version, resource, text.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  /**
   * Builds a map from CSV lines: {@code #} comments and blank lines are skipped, and the first other
   * line is the header. {@code origin} names the input in error messages.
   */
  public static TopicAffinity fromLines(Taxonomy taxonomy, String version, String origin, List<String> lines) {
    List<AffinityEdge> edges = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    boolean header = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      AffinityEdge edge = AffinityLine.parse(taxonomy, CsvRecords.split(line), origin + " line " + (i + 1));
      if (!seen.add(((long) edge.sourceTopicId() << 32) | edge.targetTopicId())) {
        throw new IllegalStateException(origin + " line " + (i + 1) + ": duplicate edge "
            + edge.sourceTopicId() + " -> " + edge.targetTopicId());
      }
      edges.add(edge);
    }
    return new TopicAffinity(version, edges);
  }

  /** Identifies the map, stamped on responses, e.g. {@code affinity-v1}. */
  public String version() {
    return version;
  }

  /** Edges leaving {@code sourceTopicId}, highest weight first; empty for an unknown or unlinked id. */
  public List<AffinityEdge> edgesFrom(int sourceTopicId) {
    return bySource.getOrDefault(sourceTopicId, List.of());
  }

  /** Every edge in file order. */
  public List<AffinityEdge> all() {
    return all;
  }
}
