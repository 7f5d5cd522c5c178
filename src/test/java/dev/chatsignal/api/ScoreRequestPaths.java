package dev.chatsignal.api;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.chatsignal.scoring.Candidate;
import dev.chatsignal.scoring.ScoreRequest;
import dev.chatsignal.store.Apps;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two ways request bytes reach a domain request, for differential tests: the codec the server
 * runs ({@link ScoreCandidatesCodec}'s request marshaller, then {@link ScoreRequestReader}), and the
 * path before it, kept here as the oracle: protobuf-java's generated parser, then the mapping
 * ScoringGrpcService had, unchanged but for the enum calls, which now take the wire number the
 * generated getters were given ({@code getSurfaceValue()}), and its two limits written as numbers.
 */
final class ScoreRequestPaths {
  private final FieldRules rules;
  private final ScoreRequestReader reader;
  private final MethodDescriptor.Marshaller<WireScoreRequest> requests;

  ScoreRequestPaths(Taxonomy taxonomy, RequestLimits limits) {
    this.rules = new FieldRules(taxonomy, limits);
    this.reader = new ScoreRequestReader(rules);
    this.requests = ScoreCandidatesCodec.method(taxonomy, new Versions("policy", taxonomy.version(), "classifier"))
        .getRequestMarshaller();
  }

  /** Through the codec, from a stream that has a known length (as grpc's are) or not. */
  RequestOutcome codec(byte[] bytes, boolean knownLength) {
    InputStream stream = knownLength ? new KnownLengthStream(bytes) : new ByteArrayInputStream(bytes);
    WireScoreRequest wire;
    try {
      wire = requests.parse(stream);
    } catch (StatusRuntimeException e) {
      return RequestOutcome.UNPARSEABLE;
    }
    return RequestOutcome.of(() -> reader.read(wire));
  }

  /** Through the generated parser and the mapping before the codec. */
  RequestOutcome generated(byte[] bytes) {
    ScoreCandidatesRequest request;
    try {
      request = ScoreCandidatesRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return RequestOutcome.UNPARSEABLE;
    }
    return RequestOutcome.of(() -> read(request));
  }

  private static final class KnownLengthStream extends ByteArrayInputStream implements KnownLength {
    KnownLengthStream(byte[] bytes) {
      super(bytes);
    }
  }

  // ScoringGrpcService's mapping before the codec (commit 9f816cd).

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
    Set<String> ids = new HashSet<>(n * 2);
    for (int i = 0; i < n; i++) {
      try {
        candidates.add(candidate(r.getCandidates(i), ids));
      } catch (InvalidArgument e) {
        throw e.under("candidates[" + i + "].");
      }
    }
    String contextText = rules.text("context.text", r.getContext().getText(), false);
    if (r.getAgeYears() < 0 || r.getAgeYears() > 150) {
      throw InvalidArgument.of("age_years", r.getAgeYears(), "0.." + 150 + " (0 = unknown)");
    }
    return new ScoreRequest(user, r.getCountry(), age, surface, candidates, contextText,
        r.getContext().getSensitive(), r.getLimit(), r.getExplain(),
        FieldRules.app("app", r.getApp()), linkedApps(r), r.getAgeYears());
  }

  private static Set<String> linkedApps(ScoreCandidatesRequest r) {
    if (r.getLinkedAppsCount() > 16) {
      throw InvalidArgument.of("linked_apps", r.getLinkedAppsCount() + " apps", "at most " + 16);
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
}
