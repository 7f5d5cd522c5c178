package dev.chatsignal.api;

import dev.chatsignal.scoring.ScoreResult;
import dev.chatsignal.scoring.ScoringEngine;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.ScoringServiceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * The ScoreCandidates edge: the request comes decoded by {@link ScoreCandidatesCodec}, is validated
 * whole by {@link ScoreRequestReader} (any broken rule is INVALID_ARGUMENT naming the field) and scored
 * by the {@link ScoringEngine}; the codec writes the result, with the versions, as the response.
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
    var method = ScoreCandidatesCodec.method(taxonomy, versions);
    ServiceDescriptor generated = ScoringServiceGrpc.getServiceDescriptor();
    ServiceDescriptor service = ServiceDescriptor.newBuilder(generated.getName())
        .setSchemaDescriptor(generated.getSchemaDescriptor())
        .addMethod(method)
        .build();
    return ServerServiceDefinition.builder(service)
        .addMethod(method, ServerCalls.asyncUnaryCall(this::scoreCandidates))
        .build();
  }

  private void scoreCandidates(WireScoreRequest request, StreamObserver<ScoreResult> out) {
    io.grpc.Context context = io.grpc.Context.current();
    GrpcCalls.unary("ScoreCandidates", out, () -> engine.score(reader.read(request), context::isCancelled));
  }
}
