package dev.chatsignal.topics;

import java.util.List;

/**
 * Parses and validates one row of a topic-affinity file; every rejection names the line. See
 * {@link TopicAffinity} for the rules.
 */
final class AffinityLine {
  private AffinityLine() {}

  static TopicAffinity.AffinityEdge parse(Taxonomy taxonomy, List<String> fields, String where) {
    if (fields.size() != 4) {
      throw fail(where, "expected 4 fields (source_topic_id,target_topic_id,weight,reason), got " + fields.size());
    }
    int source = topic(taxonomy, fields.get(0), where, "source_topic_id");
    int target = topic(taxonomy, fields.get(1), where, "target_topic_id");
    double weight = weight(fields.get(2), where);
    String reason = fields.get(3).trim();
    if (reason.isEmpty()) {
      throw fail(where, "reason is empty (every edge must say why it exists)");
    }
    if (source == target) {
      throw fail(where, "self edge " + source);
    }
    if (taxonomy.isAncestor(source, target) || taxonomy.isAncestor(target, source)) {
      throw fail(where, source + " -> " + target + " is a parent/child link (the hierarchy is matched elsewhere)");
    }
    if (taxonomy.isAdsSensitive(target)) {
      throw fail(where, "target " + target + " " + taxonomy.pathOf(target) + " is ads-sensitive");
    }
    if (taxonomy.isAdsSensitive(source)) {
      throw fail(where, "source " + source + " " + taxonomy.pathOf(source) + " is ads-sensitive");
    }
    return new TopicAffinity.AffinityEdge(source, target, weight, reason);
  }

  private static int topic(Taxonomy taxonomy, String field, String where, String column) {
    int id;
    try {
      id = Integer.parseInt(field.trim());
    } catch (NumberFormatException e) {
      throw fail(where, column + ": '" + field + "' (expected: a taxonomy id)");
    }
    if (!taxonomy.contains(id)) {
      throw fail(where, column + ": unknown topic id " + id);
    }
    return id;
  }

  private static double weight(String field, String where) {
    double w;
    try {
      w = Double.parseDouble(field.trim());
    } catch (NumberFormatException e) {
      throw fail(where, "weight: '" + field + "' (expected: a number in (0, 1])");
    }
    if (!(w > 0 && w <= 1)) {
      throw fail(where, "weight: " + field + " (expected: in (0, 1])");
    }
    return w;
  }

  private static IllegalStateException fail(String where, String message) {
    return new IllegalStateException(where + ": " + message);
  }
}
