package dev.chatsignal.api;

import dev.chatsignal.scoring.Candidate;
import dev.chatsignal.scoring.Contribution;
import dev.chatsignal.scoring.ScoreRequest;
import dev.chatsignal.scoring.ScoreResult;
import dev.chatsignal.scoring.ScoredItem;
import dev.chatsignal.scoring.ScoringEngine;
import dev.chatsignal.store.Apps;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.TopicContribution;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ScoreCandidates edge: validates the whole request (any broken rule is INVALID_ARGUMENT naming
 * the field), scores it with the {@link ScoringEngine} and stamps the versions on the response.
 */
public final class ScoringGrpcService extends ScoringServiceGrpc.ScoringServiceImplBase {
  static final int MAX_LINKED_APPS = 16;
  static final int MAX_AGE_YEARS = 150;

  private final ScoringEngine engine;
  private final Taxonomy taxonomy;
  private final FieldRules rules;
  private final Versions versions;

  public ScoringGrpcService(ScoringEngine engine, Taxonomy taxonomy, RequestLimits limits, Versions versions) {
    this.engine = engine;
    this.taxonomy = taxonomy;
    this.rules = new FieldRules(taxonomy, limits);
    this.versions = versions;
  }

  @Override
  public void scoreCandidates(ScoreCandidatesRequest request, StreamObserver<ScoreCandidatesResponse> out) {
    io.grpc.Context context = io.grpc.Context.current();
    GrpcCalls.unary("ScoreCandidates", out, () -> respond(engine.score(read(request), context::isCancelled)));
  }

  private ScoreRequest read(ScoreCandidatesRequest r) {
    String user = rules.id("user_id", r.getUserId(), RequestLimits.MAX_ID_CHARS);
    var surface = ProtoEnums.surface("surface", r.getSurfaceValue());
    var age = ProtoEnums.ageBand("age_band", r.getAgeBandValue());
    int n = r.getCandidatesCount();
    if (n == 0 || n > rules.limits().maxCandidates()) {
      throw InvalidArgument.of("candidates", n + " items", "1.." + rules.limits().maxCandidates());
    }
    if (r.getLimit() < 0) {
      throw InvalidArgument.of("limit", r.getLimit(), ">= 0 (0 = all)");
    }
    List<Candidate> candidates = new ArrayList<>(n);
    Set<String> ids = new HashSet<>(n * 2); // sized once: no rehash while the ids go in
    for (int i = 0; i < n; i++) {
      try {
        candidates.add(candidate(r.getCandidates(i), ids));
      } catch (InvalidArgument e) {
        throw e.under("candidates[" + i + "].");
      }
    }
    String contextText = rules.text("context.text", r.getContext().getText(), false);
    if (r.getAgeYears() < 0 || r.getAgeYears() > MAX_AGE_YEARS) {
      throw InvalidArgument.of("age_years", r.getAgeYears(), "0.." + MAX_AGE_YEARS + " (0 = unknown)");
    }
    return new ScoreRequest(user, r.getCountry(), age, surface, candidates, contextText,
        r.getContext().getSensitive(), r.getLimit(), r.getExplain(),
        FieldRules.app("app", r.getApp()), linkedApps(r), r.getAgeYears());
  }

  private static Set<String> linkedApps(ScoreCandidatesRequest r) {
    if (r.getLinkedAppsCount() > MAX_LINKED_APPS) {
      throw InvalidArgument.of("linked_apps", r.getLinkedAppsCount() + " apps", "at most " + MAX_LINKED_APPS);
    }
    Set<String> apps = new HashSet<>();
    for (int i = 0; i < r.getLinkedAppsCount(); i++) {
      String field = "linked_apps[" + i + "]";
      if (r.getLinkedApps(i).isEmpty()) {
        throw InvalidArgument.of(field, "''", "an app name (" + Apps.DEFAULT + " for the default app)");
      }
      apps.add(FieldRules.app(field, r.getLinkedApps(i)));
    }
    return apps;
  }

  /** One candidate, with field names relative to it (the caller adds {@code candidates[i].}). */
  private Candidate candidate(dev.chatsignal.v1.Candidate c, Set<String> ids) {
    String itemId = rules.id("item_id", c.getItemId(), RequestLimits.MAX_ITEM_ID_CHARS);
    if (!ids.add(itemId)) {
      throw InvalidArgument.of("item_id", itemId, "unique within the request");
    }
    var kind = ProtoEnums.itemKind("kind", c.getKindValue());
    var topics = rules.topics("topics", c.getTopicsList());
    String text = rules.text("text", c.getText(), false);
    if (!Double.isFinite(c.getPrior())) {
      throw InvalidArgument.of("prior", c.getPrior(), "a finite number");
    }
    return new Candidate(itemId, kind, topics, text, c.getPrior());
  }

  private ScoreCandidatesResponse respond(ScoreResult result) {
    ScoreCandidatesResponse.Builder out = ScoreCandidatesResponse.newBuilder()
        .setPersonalized(result.decision().personalize())
        .setReason(ProtoEnums.reason(result.decision().reason()))
        .setPolicyVersion(versions.policy())
        .setTaxonomyVersion(versions.taxonomy())
        .setClassifierVersion(versions.classifier());
    List<dev.chatsignal.v1.ScoredItem> items = new ArrayList<>(result.items().size());
    for (ScoredItem item : result.items()) {
      dev.chatsignal.v1.ScoredItem.Builder b = dev.chatsignal.v1.ScoredItem.newBuilder()
          .setItemId(item.itemId())
          .setScore(item.score())
          .setPersonalized(item.personalized())
          .setReason(ProtoEnums.reason(item.reason()))
          .setSummary(item.summary());
      for (Contribution c : item.explanation()) {
        b.addExplanation(TopicContribution.newBuilder()
            .setTopicId(c.topicId())
            .setPath(taxonomy.pathOf(c.topicId()))
            .setSource(ProtoEnums.source(c.source()))
            .setApp(c.app() == null ? "" : c.app())
            .setNoise(c.noise())
            .setContribution(c.amount())
            .setProfileTopicId(c.profileTopicId())
            .setProfileTopicPath(taxonomy.pathOf(c.profileTopicId())));
      }
      items.add(b.build());
    }
    out.addAllItems(items); // one sized copy instead of growing the builder's list item by item
    return out.build();
  }
}
