package dev.chatsignal.api;

import dev.chatsignal.scoring.Contribution;
import dev.chatsignal.scoring.ScoreResult;
import dev.chatsignal.scoring.ScoredItem;
import dev.chatsignal.scoring.ScoringEngine;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.TopicContribution;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * The ScoreCandidates edge: the request comes decoded by {@link ScoreCandidatesCodec}, is validated
 * whole by {@link ScoreRequestReader} (any broken rule is INVALID_ARGUMENT naming the field), scored by
 * the {@link ScoringEngine}, and the response carries the versions.
 */
public final class ScoringGrpcService implements BindableService {
  private final ScoringEngine engine;
  private final Taxonomy taxonomy;
  private final ScoreRequestReader reader;
  private final Versions versions;

  public ScoringGrpcService(ScoringEngine engine, Taxonomy taxonomy, RequestLimits limits, Versions versions) {
    this.engine = engine;
    this.taxonomy = taxonomy;
    this.reader = new ScoreRequestReader(new FieldRules(taxonomy, limits));
    this.versions = versions;
  }

  /** {@code chatsignal.v1.ScoringService} as generated (name, schema for reflection) on the codec's method. */
  @Override
  public ServerServiceDefinition bindService() {
    var method = ScoreCandidatesCodec.method();
    ServiceDescriptor generated = ScoringServiceGrpc.getServiceDescriptor();
    ServiceDescriptor service = ServiceDescriptor.newBuilder(generated.getName())
        .setSchemaDescriptor(generated.getSchemaDescriptor())
        .addMethod(method)
        .build();
    return ServerServiceDefinition.builder(service)
        .addMethod(method, ServerCalls.asyncUnaryCall(this::scoreCandidates))
        .build();
  }

  private void scoreCandidates(WireScoreRequest request, StreamObserver<ScoreCandidatesResponse> out) {
    io.grpc.Context context = io.grpc.Context.current();
    GrpcCalls.unary("ScoreCandidates", out, () -> respond(engine.score(reader.read(request), context::isCancelled)));
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
