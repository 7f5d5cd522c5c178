package dev.chatsignal.api;

import dev.chatsignal.ingest.IngestOutcome;
import dev.chatsignal.ingest.IngestResult;
import dev.chatsignal.ingest.Interaction;
import dev.chatsignal.ingest.InteractionIngestor;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.InteractionResult;
import dev.chatsignal.v1.InteractionServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The IngestInteractions edge: validates each interaction alone (a bad one is REJECTED, the others
 * go on), hands the valid ones to the {@link InteractionIngestor}, and merges the outcomes in order.
 */
public final class InteractionGrpcService extends InteractionServiceGrpc.InteractionServiceImplBase {
  private final InteractionIngestor ingestor;
  private final InteractionReader reader;
  private final RequestLimits limits;

  public InteractionGrpcService(
      InteractionIngestor ingestor, dev.chatsignal.topics.Taxonomy taxonomy, RequestLimits limits, Clock clock) {
    this.ingestor = ingestor;
    this.reader = new InteractionReader(new FieldRules(taxonomy, limits), clock);
    this.limits = limits;
  }

  @Override
  public void ingestInteractions(IngestInteractionsRequest request, StreamObserver<IngestInteractionsResponse> out) {
    io.grpc.Context context = io.grpc.Context.current();
    GrpcCalls.unary("IngestInteractions", out, () -> handle(request, context));
  }

  private IngestInteractionsResponse handle(IngestInteractionsRequest request, io.grpc.Context context) {
    int n = request.getInteractionsCount();
    if (n == 0 || n > limits.maxInteractions()) {
      throw InvalidArgument.of("interactions", n + " items", "1.." + limits.maxInteractions());
    }
    IngestResult[] results = new IngestResult[n];
    List<Interaction> valid = new ArrayList<>(n);
    List<Integer> validIndex = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dev.chatsignal.v1.Interaction proto = request.getInteractions(i);
      try {
        valid.add(reader.read("interactions[" + i + "]", proto));
        validIndex.add(i);
      } catch (InvalidArgument e) {
        results[i] = IngestResult.rejected(e.getMessage());
        ingestor.countRejected(proto.hasChat());
      }
    }
    List<IngestResult> ingested = valid.isEmpty() ? List.of() : ingestor.ingest(valid, context::isCancelled);
    for (int k = 0; k < ingested.size(); k++) {
      results[validIndex.get(k)] = ingested.get(k);
    }
    IngestInteractionsResponse.Builder response = IngestInteractionsResponse.newBuilder();
    int accepted = 0;
    int duplicates = 0;
    int withheld = 0;
    int rejected = 0;
    for (int i = 0; i < n; i++) {
      IngestResult r = results[i];
      IngestOutcome o = r.outcome();
      accepted += o == IngestOutcome.STORED ? 1 : 0;
      duplicates += o == IngestOutcome.DUPLICATE ? 1 : 0;
      rejected += o == IngestOutcome.REJECTED ? 1 : 0;
      withheld += o.name().startsWith("WITHHELD") ? 1 : 0;
      response.addResults(InteractionResult.newBuilder()
          .setInteractionId(request.getInteractions(i).getInteractionId())
          .setOutcome(ProtoEnums.outcome(o))
          .setDetail(r.detail()));
    }
    return response.setAccepted(accepted).setDuplicates(duplicates).setWithheld(withheld).setRejected(rejected)
        .build();
  }
}
