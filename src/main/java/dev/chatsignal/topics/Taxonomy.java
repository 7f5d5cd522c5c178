package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interest taxonomy: Chrome Topics API taxonomy v2 (469 topics, Apache-2.0), with the topics that
 * must never be used for ads flagged explicitly in {@code ads_sensitive_topics.csv}.
 *
 * <p>Immutable and thread-safe. A sensitive flag on a topic covers its whole subtree.
 */
public final class Taxonomy {
  public static final String DEFAULT_VERSION = "chrome-topics-v2";
  private static final String TOPICS_RESOURCE = "/topics/chrome_topics_taxonomy_v2.csv";
  private static final String SENSITIVE_RESOURCE = "/topics/ads_sensitive_topics.csv";

  private final String version;
  private final Map<Integer, Topic> byId;
  private final Map<Integer, SensitiveCategory> sensitiveCategoryById;
  /** Dense views indexed by topic id (ids are small: Topics v2 stops at 629), for the scoring hot path. */
  private final Topic[] topicAt;
  private final int[] parentAt;

  Taxonomy(String version, List<Topic> topics, Map<Integer, SensitiveCategory> sensitiveCategoryById) {
    this.version = version;
    Map<Integer, Topic> map = new LinkedHashMap<>();
    for (Topic topic : topics) {
      if (map.put(topic.id(), topic) != null) {
        throw new IllegalStateException("duplicate topic id " + topic.id());
      }
    }
    this.byId = Collections.unmodifiableMap(map);
    this.sensitiveCategoryById = Map.copyOf(sensitiveCategoryById);
    int maxId = map.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    this.topicAt = new Topic[maxId + 1];
    this.parentAt = new int[maxId + 1];
    for (Topic topic : map.values()) {
      topicAt[topic.id()] = topic;
      parentAt[topic.id()] = topic.parentId();
    }
  }

  /** The largest topic id; arrays indexed by topic id need {@code maxId() + 1} slots. */
  public int maxId() {
    return topicAt.length - 1;
  }

  private Topic at(int topicId) {
    return topicId >= 0 && topicId < topicAt.length ? topicAt[topicId] : null;
  }

  /** Loads the shipped taxonomy and its ads-sensitive flags from the classpath. */
  public static Taxonomy loadDefault() {
    Map<Integer, SensitiveCategory> flagged = new HashMap<>();
    List<List<String>> flags = CsvRecords.readResource(SENSITIVE_RESOURCE);
    for (List<String> row : flags.subList(1, flags.size())) {
      flagged.put(Integer.parseInt(row.get(0).trim()), SensitiveCategory.valueOf(row.get(1).trim()));
    }
    List<List<String>> rows = CsvRecords.readResource(TOPICS_RESOURCE);
    Map<Integer, String[]> raw = new LinkedHashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      raw.put(Integer.parseInt(row.get(0)), new String[] {row.get(1), row.get(2), row.get(3)});
    }
    Map<Integer, SensitiveCategory> inherited = new HashMap<>();
    List<Topic> topics = new ArrayList<>(raw.size());
    for (Map.Entry<Integer, String[]> e : raw.entrySet()) {
      int id = e.getKey();
      String[] f = e.getValue();
      int parent = f[0].isEmpty() ? 0 : Integer.parseInt(f[0]);
      SensitiveCategory category = null;
      for (int cursor = id; cursor != 0 && category == null; ) {
        category = flagged.get(cursor);
        String[] node = raw.get(cursor);
        cursor = node == null || node[0].isEmpty() ? 0 : Integer.parseInt(node[0]);
      }
      if (category != null) {
        inherited.put(id, category);
      }
      topics.add(new Topic(id, parent, f[1], f[2], category != null));
    }
    for (int id : flagged.keySet()) {
      if (!raw.containsKey(id)) {
        throw new IllegalStateException(SENSITIVE_RESOURCE + " names unknown topic " + id);
      }
    }
    return new Taxonomy(DEFAULT_VERSION, topics, inherited);
  }

  public String version() {
    return version;
  }

  /** All topics in taxonomy file order. */
  public List<Topic> all() {
    return List.copyOf(byId.values());
  }

  public int size() {
    return byId.size();
  }

  public boolean contains(int topicId) {
    return at(topicId) != null;
  }

  public Optional<Topic> find(int topicId) {
    return Optional.ofNullable(byId.get(topicId));
  }

  /** The topic's path, or {@code "?"} for an unknown id. */
  public String pathOf(int topicId) {
    Topic topic = at(topicId);
    return topic == null ? "?" : topic.path();
  }

  /** True when the topic (or one of its ancestors) is flagged ads-sensitive. Unknown ids are sensitive. */
  public boolean isAdsSensitive(int topicId) {
    Topic topic = at(topicId);
    return topic == null || topic.adsSensitive();
  }

  /** The sensitive category a flagged topic reveals, if any. */
  public Optional<SensitiveCategory> sensitiveCategoryOf(int topicId) {
    return Optional.ofNullable(sensitiveCategoryById.get(topicId));
  }

  /** The parent's id, or 0 for a top-level or unknown topic. */
  public int parentOf(int topicId) {
    return topicId >= 0 && topicId < parentAt.length ? parentAt[topicId] : 0;
  }

  /** True when {@code ancestor} is a strict ancestor of {@code topicId}. */
  public boolean isAncestor(int ancestor, int topicId) {
    for (int cursor = parentOf(topicId); cursor != 0; cursor = parentOf(cursor)) {
      if (cursor == ancestor) {
        return true;
      }
    }
    return false;
  }
}
