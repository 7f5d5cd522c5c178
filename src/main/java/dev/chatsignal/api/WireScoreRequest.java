package dev.chatsignal.api;

import java.util.List;

/**
 * A {@code chatsignal.v1.ScoreCandidatesRequest} as {@link ScoreRequestDecoder} read it off the wire,
 * before any rule is checked: strings as sent, enums as wire numbers, absent fields at their proto3
 * defaults. {@link ScoreRequestReader} validates it. The lists and arrays are the decoder's own and are
 * not copied; nothing changes them after decoding.
 *
 * @param ageBand an {@code AgeBand} number, possibly one the schema does not know
 * @param surface a {@code Surface} number, possibly one the schema does not know
 */
record WireScoreRequest(String userId, String country, int ageBand, int surface, List<Candidate> candidates,
    Context context, int limit, boolean explain, String app, List<String> linkedApps, int ageYears) {

  /**
   * A {@code Candidate}: topic {@code i} is {@code topicIds[i]} with {@code topicWeights[i]}.
   *
   * @param kind an {@code ItemKind} number, possibly one the schema does not know
   */
  record Candidate(String itemId, int kind, int[] topicIds, float[] topicWeights, String text, double prior) {}

  /** A {@code RequestContext}; when the request carries it more than once, the occurrences are merged. */
  record Context(String text, boolean sensitive) {
    static final Context ABSENT = new Context("", false);
  }
}
