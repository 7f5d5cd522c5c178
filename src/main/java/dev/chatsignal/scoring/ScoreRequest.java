package dev.chatsignal.scoring;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.store.Apps;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated scoring request. {@link #toString()} never prints the context text.
 *
 * @param limit maximum items returned, 0 = all
 * @param explain whether to return each item's top contributing topics and a summary sentence
 * @param app the app the user is in now
 * @param linkedApps other apps whose signals may be used (the caller's account links)
 * @param ageYears the user's age in years, 0 when unknown
 */
public record ScoreRequest(
    String userId, String country, AgeBand ageBand, Surface surface, List<Candidate> candidates,
    String contextText, boolean contextSensitive, int limit, boolean explain,
    String app, Set<String> linkedApps, int ageYears) {
  public ScoreRequest {
    candidates = List.copyOf(candidates);
    contextText = contextText == null ? "" : contextText;
    linkedApps = Set.copyOf(linkedApps);
  }

  /** A request in the default app with no linked apps and no age in years. */
  public ScoreRequest(
      String userId, String country, AgeBand ageBand, Surface surface, List<Candidate> candidates,
      String contextText, boolean contextSensitive, int limit, boolean explain) {
    this(userId, country, ageBand, surface, candidates, contextText, contextSensitive, limit, explain,
        Apps.DEFAULT, Set.of(), 0);
  }

  /** The apps whose signals this request may use: the current one and the linked ones. */
  Set<String> allowedApps() {
    if (linkedApps.isEmpty() || linkedApps.size() == 1 && linkedApps.contains(app)) {
      return Set.of(app);
    }
    HashSet<String> apps = new HashSet<>(linkedApps);
    apps.add(app);
    return apps;
  }

  @Override
  public String toString() {
    return "ScoreRequest[surface=" + surface + ", candidates=" + candidates.size() + ", app=" + app + "]";
  }
}
