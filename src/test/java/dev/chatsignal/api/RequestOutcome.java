package dev.chatsignal.api;

import dev.chatsignal.scoring.ScoreRequest;
import java.util.function.Supplier;

/**
 * What the bytes of a ScoreCandidates request come to at the edge, before scoring: a domain request,
 * the INVALID_ARGUMENT description of the first broken rule, or bytes that do not parse.
 */
record RequestOutcome(ScoreRequest request, String invalidArgument, boolean unparseable) {
  static final RequestOutcome UNPARSEABLE = new RequestOutcome(null, null, true);

  static RequestOutcome of(Supplier<ScoreRequest> read) {
    try {
      return new RequestOutcome(read.get(), null, false);
    } catch (InvalidArgument e) {
      return new RequestOutcome(null, e.getMessage(), false);
    }
  }

  boolean ok() {
    return request != null;
  }

  /** Every field, context text included (ScoreRequest's own toString leaves texts out). */
  @Override
  public String toString() {
    if (request == null) {
      return unparseable ? "unparseable" : "INVALID_ARGUMENT " + invalidArgument;
    }
    ScoreRequest r = request;
    return "ScoreRequest[user=" + r.userId() + ", country=" + r.country() + ", age=" + r.ageBand() + ", surface="
        + r.surface() + ", candidates=" + r.candidates() + ", context=" + r.contextText() + "/" + r.contextSensitive()
        + ", limit=" + r.limit() + ", explain=" + r.explain() + ", app=" + r.app() + ", linked=" + r.linkedApps()
        + ", ageYears=" + r.ageYears() + "]";
  }
}
