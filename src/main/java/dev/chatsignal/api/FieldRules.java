package dev.chatsignal.api;

import dev.chatsignal.store.Apps;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TopicWeight;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The field rules shared by the request readers. Each check throws {@link InvalidArgument} naming the
 * field path; text values are never echoed, only their length.
 */
final class FieldRules {
  private final Taxonomy taxonomy;
  private final RequestLimits limits;

  FieldRules(Taxonomy taxonomy, RequestLimits limits) {
    this.taxonomy = taxonomy;
    this.limits = limits;
  }

  RequestLimits limits() {
    return limits;
  }

  /** An opaque id: 1..max characters, no control characters. Ids are echoed (they are not text). */
  String id(String field, String value, int max) {
    if (value.isEmpty()) {
      throw InvalidArgument.of(field, "''", "a non-empty id");
    }
    if (value.length() > max) {
      throw InvalidArgument.of(field, "<" + value.length() + " chars>", "at most " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw InvalidArgument.of(field, "<id with control character>", "no control characters");
      }
    }
    return value;
  }

  /**
   * An app name: empty means {@link Apps#DEFAULT}; otherwise lower-case letters, digits, '.', '_' and
   * '-' (upper case is folded), at most 32 characters.
   */
  static String app(String field, String value) {
    if (value.isEmpty()) {
      return Apps.DEFAULT;
    }
    String app = value.toLowerCase(Locale.ROOT);
    if (!Apps.isValid(app)) {
      throw InvalidArgument.of(field, value.length() > 40 ? "<" + value.length() + " chars>" : "'" + value + "'",
          Apps.RULE + ", or empty for " + Apps.DEFAULT);
    }
    return app;
  }

  /** An optional app filter: empty means every app. */
  static Optional<String> appFilter(String field, String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(app(field, value));
  }

  /** Free text: at most maxTextChars; when required, not blank. The value is never echoed. */
  String text(String field, String value, boolean required) {
    if (required && value.isBlank()) {
      throw InvalidArgument.of(field, "<empty>", "non-blank text");
    }
    if (value.length() > limits.maxTextChars()) {
      throw InvalidArgument.of(field, "<" + value.length() + " chars>",
          "at most " + limits.maxTextChars() + " characters");
    }
    return value;
  }

  /** Topics as messages (engagements): at most maxTopicsPerItem, each a taxonomy id with weight in (0, 1]. */
  List<TopicWeight> topics(String field, List<dev.chatsignal.v1.TopicWeight> topics) {
    if (topicCount(field, topics.size()) == 0) {
      return List.of();
    }
    TopicWeight[] out = new TopicWeight[topics.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = topic(field, i, topics.get(i).getTopicId(), topics.get(i).getWeight());
    }
    return List.of(out); // immutable, so the domain records' List.copyOf does not copy again
  }

  /** Topics as decoded off the wire (candidates): {@code ids[i]} with {@code weights[i]}, same rules. */
  List<TopicWeight> topics(String field, int[] ids, float[] weights) {
    if (topicCount(field, ids.length) == 0) {
      return List.of();
    }
    TopicWeight[] out = new TopicWeight[ids.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = topic(field, i, ids[i], weights[i]);
    }
    return List.of(out);
  }

  private int topicCount(String field, int count) {
    if (count > limits.maxTopicsPerItem()) {
      throw InvalidArgument.of(field, count + " topics", "at most " + limits.maxTopicsPerItem());
    }
    return count;
  }

  private TopicWeight topic(String field, int i, int id, float weight) {
    if (!taxonomy.contains(id)) {
      throw InvalidArgument.of(field + "[" + i + "].topic_id", id,
          "a topic id of " + taxonomy.version() + ", see TopicService/ListTopics");
    }
    if (!(weight > 0 && weight <= 1)) {
      throw InvalidArgument.of(field + "[" + i + "].weight", weight, "in (0, 1]");
    }
    return new TopicWeight(id, weight);
  }

  static <E extends Enum<E>> void known(String field, E value, int number, E unrecognized, E unspecified) {
    if (value == unrecognized) {
      throw InvalidArgument.of(field, number, "a known enum value");
    }
    if (unspecified != null && value == unspecified) {
      throw InvalidArgument.of(field, value.name(), "a value other than " + value.name());
    }
  }
}
