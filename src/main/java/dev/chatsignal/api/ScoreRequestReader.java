package dev.chatsignal.api;

import dev.chatsignal.scoring.Candidate;
import dev.chatsignal.scoring.ScoreRequest;
import dev.chatsignal.store.Apps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a whole decoded ScoreCandidates request and maps it to the domain. The first broken rule, in
 * field order, throws {@link InvalidArgument} naming the field, e.g. {@code candidates[3].item_id}.
 */
final class ScoreRequestReader {
  static final int MAX_LINKED_APPS = 16;
  static final int MAX_AGE_YEARS = 150;

  private final FieldRules rules;

  ScoreRequestReader(FieldRules rules) {
    this.rules = rules;
  }

  ScoreRequest read(WireScoreRequest r) {
    String user = rules.id("user_id", r.userId(), RequestLimits.MAX_ID_CHARS);
    var surface = ProtoEnums.surface("surface", r.surface());
    var age = ProtoEnums.ageBand("age_band", r.ageBand());
    int n = r.candidates().size();
    if (n == 0 || n > rules.limits().maxCandidates()) {
      throw InvalidArgument.of("candidates", n + " items", "1.." + rules.limits().maxCandidates());
    }
    if (r.limit() < 0) {
      throw InvalidArgument.of("limit", r.limit(), ">= 0 (0 = all)");
    }
    List<Candidate> candidates = new ArrayList<>(n);
    Set<String> ids = new HashSet<>(n * 2); // sized once: no rehash while the ids go in
    for (int i = 0; i < n; i++) {
      try {
        candidates.add(candidate(r.candidates().get(i), ids));
      } catch (InvalidArgument e) {
        throw e.under("candidates[" + i + "].");
      }
    }
    String contextText = rules.text("context.text", r.context().text(), false);
    if (r.ageYears() < 0 || r.ageYears() > MAX_AGE_YEARS) {
      throw InvalidArgument.of("age_years", r.ageYears(), "0.." + MAX_AGE_YEARS + " (0 = unknown)");
    }
    return new ScoreRequest(user, r.country(), age, surface, candidates, contextText,
        r.context().sensitive(), r.limit(), r.explain(),
        FieldRules.app("app", r.app()), linkedApps(r.linkedApps()), r.ageYears());
  }

  private static Set<String> linkedApps(List<String> linked) {
    if (linked.size() > MAX_LINKED_APPS) {
      throw InvalidArgument.of("linked_apps", linked.size() + " apps", "at most " + MAX_LINKED_APPS);
    }
    Set<String> apps = new HashSet<>();
    for (int i = 0; i < linked.size(); i++) {
      String field = "linked_apps[" + i + "]";
      if (linked.get(i).isEmpty()) {
        throw InvalidArgument.of(field, "''", "an app name (" + Apps.DEFAULT + " for the default app)");
      }
      apps.add(FieldRules.app(field, linked.get(i)));
    }
    return apps;
  }

  /** One candidate, with field names relative to it (the caller adds {@code candidates[i].}). */
  private Candidate candidate(WireScoreRequest.Candidate c, Set<String> ids) {
    String itemId = rules.id("item_id", c.itemId(), RequestLimits.MAX_ITEM_ID_CHARS);
    if (!ids.add(itemId)) {
      throw InvalidArgument.of("item_id", itemId, "unique within the request");
    }
    var kind = ProtoEnums.itemKind("kind", c.kind());
    var topics = rules.topics("topics", c.topicIds(), c.topicWeights());
    String text = rules.text("text", c.text(), false);
    if (!Double.isFinite(c.prior())) {
      throw InvalidArgument.of("prior", c.prior(), "a finite number");
    }
    return new Candidate(itemId, kind, topics, text, c.prior());
  }
}
