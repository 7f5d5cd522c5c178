package dev.chatsignal.bench.calls;

import com.google.protobuf.Timestamp;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ChatTurn;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.Modality;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.TopicWeight;
import dev.chatsignal.bench.load.BytesMarshaller;
import dev.chatsignal.bench.load.CallSpec;
import io.grpc.Channel;
import io.grpc.stub.ClientCalls;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The README's hiking example as benchmark calls: one user chats with the assistant about hiking,
 * then a ranker scores a batch of ads for her. {@link #prepare} ingests the chat turn through
 * {@code IngestInteractions} and checks each call returns what it should, so a bench never measures a
 * fallback by mistake.
 *
 * <p>Candidates are deterministic (fixed seed): 1–3 topics each, a quarter of them reached by the
 * hiking profile (Hiking &amp; Camping 472, Boots 587, Sporting Goods 611, Backpacks 623) and the rest
 * not (Laptops 135, Outdoor Furniture 489, …), with weights in (0.2, 1] and priors in [0, 1).
 */
public final class HikingScenario {
  public static final String USER = "bench-hiker-0001";
  public static final String CHAT = "I want to go hiking in the Rockies next weekend, what trails do you recommend?";
  private static final int[] HIKING_TOPICS = {472, 587, 611, 623};
  private static final int[] OTHER_TOPICS = {135, 489, 1, 57, 100, 215, 250, 300, 380, 420};
  private static final long SEED = 20251216L;

  private final Channel channel;

  /** @param channel a channel to a running chatsignal server */
  public HikingScenario(Channel channel) {
    this.channel = channel;
  }

  /**
   * Ingests the hiking chat turn for {@link #USER}, then builds and checks the three workloads:
   * {@code score100} and {@code score500} (personalized ADS scoring, US adult) and
   * {@code nonpersonalized} (the 100-candidate request from DE: the policy short-circuit, no store read).
   *
   * @throws IllegalStateException when the server's answers are not the expected ones
   */
  public List<CallSpec> prepare() {
    ingestChat();
    return List.of(
        verified("score100", scoreRequest("US", 100), Reason.REASON_PERSONALIZED),
        verified("score500", scoreRequest("US", 500), Reason.REASON_PERSONALIZED),
        verified("nonpersonalized", scoreRequest("DE", 100), Reason.REASON_REGION_EXCLUDED));
  }

  private void ingestChat() {
    Instant now = Instant.now();
    IngestInteractionsRequest request = IngestInteractionsRequest.newBuilder()
        .addInteractions(Interaction.newBuilder()
            .setInteractionId("bench-chat-" + now.toEpochMilli())
            .setUserId(USER)
            .setCountry("US")
            .setEventTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
            .setChat(ChatTurn.newBuilder().setText(CHAT).setModality(Modality.MODALITY_TEXT)))
        .build();
    IngestInteractionsResponse response = InteractionServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS).ingestInteractions(request);
    if (response.getResults(0).getOutcome() != Outcome.OUTCOME_STORED) {
      throw new IllegalStateException("hiking chat not stored: " + response.getResults(0));
    }
  }

  /** The ADS scoring request for {@link #USER} from {@code country}, with {@code size} candidates. */
  public static ScoreCandidatesRequest scoreRequest(String country, int size) {
    Random random = new Random(SEED);
    ScoreCandidatesRequest.Builder request = ScoreCandidatesRequest.newBuilder()
        .setUserId(USER).setCountry(country).setAgeBand(AgeBand.AGE_BAND_ADULT).setSurface(Surface.SURFACE_ADS);
    for (int i = 0; i < size; i++) {
      Candidate.Builder candidate = Candidate.newBuilder()
          .setItemId(String.format("ad-%05d", i)).setKind(ItemKind.ITEM_KIND_AD)
          .setPrior(Math.round(random.nextDouble() * 1000) / 1000.0);
      int topics = 1 + random.nextInt(3);
      for (int t = 0; t < topics; t++) {
        int[] pool = random.nextInt(4) == 0 ? HIKING_TOPICS : OTHER_TOPICS;
        candidate.addTopics(TopicWeight.newBuilder()
            .setTopicId(pool[random.nextInt(pool.length)])
            .setWeight(0.2f + 0.8f * random.nextFloat()));
      }
      request.addCandidates(candidate);
    }
    return request.build();
  }

  private CallSpec verified(String name, ScoreCandidatesRequest request, Reason expected) {
    ScoreCandidatesResponse response = ScoringServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS).scoreCandidates(request);
    if (response.getReason() != expected || response.getItemsCount() != request.getCandidatesCount()) {
      throw new IllegalStateException(name + ": reason " + response.getReason() + " with "
          + response.getItemsCount() + " items (expected: " + expected + " with " + request.getCandidatesCount() + ")");
    }
    CallSpec call = new CallSpec(name, BytesMarshaller.of(ScoringServiceGrpc.getScoreCandidatesMethod()),
        request.toByteArray(), response.getSerializedSize());
    byte[] raw = ClientCalls.blockingUnaryCall(channel, call.method(),
        io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), call.request());
    if (raw.length != call.responseBytes()) {
      throw new IllegalStateException(name + ": response of " + raw.length + " bytes as bytes, "
          + call.responseBytes() + " parsed");
    }
    return call;
  }
}
