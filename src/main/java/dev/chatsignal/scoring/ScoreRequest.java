package dev.chatsignal.scoring;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.Surface;
import java.util.List;

/**
 * A validated scoring request. {@link #toString()} never prints the context text.
 *
 * @param limit maximum items returned, 0 = all
 * @param explain whether to return each item's top contributing topics
 */
public record ScoreRequest(
    String userId, String country, AgeBand ageBand, Surface surface, List<Candidate> candidates,
    String contextText, boolean contextSensitive, int limit, boolean explain) {
  public ScoreRequest {
    candidates = List.copyOf(candidates);
    contextText = contextText == null ? "" : contextText;
  }

  @Override
  public String toString() {
    return "ScoreRequest[surface=" + surface + ", candidates=" + candidates.size() + "]";
  }
}
