package dev.chatsignal.policy;

import static dev.chatsignal.testing.Protos.BACKPACKS;
import static dev.chatsignal.testing.Protos.BOOTS;
import static dev.chatsignal.testing.Protos.HEALTH_INSURANCE;
import static dev.chatsignal.testing.Protos.HIKING;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.LAPTOPS;
import static dev.chatsignal.testing.Protos.OUTDOOR_FURNITURE;
import static dev.chatsignal.testing.Protos.POLITICS;
import static dev.chatsignal.testing.Protos.SPORTING_GOODS;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chatsignal.testing.FuzzOracle;
import dev.chatsignal.testing.FuzzWorld;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ChatTurn;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.Modality;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoredItem;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.TopicWeight;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The privacy rules of SPEC section 2 under structured, mostly valid requests (a raw-bytes target
 * rarely gets past validation with a fallback-worthy request). Users have hiking, boots, politics and
 * health-insurance interests ({@link FuzzWorld}), so a broken rule would show up as personalization.
 *
 * <p>Scoring: excluded or unknown region, a sensitive context (flag or text), or a non-adult on the
 * ads surface gives exactly the prior ranking; no ad is scored through an ads-sensitive topic, and
 * removing an ad's ads-sensitive topics never changes any score. Ingest: a chat from an excluded or
 * unknown region or from before 2025-12-16 is never stored and leaves no trace in the profile.
 */
class PrivacyRulesFuzzTest {
  private static final String[] COUNTRIES = {
    "US", "CA", "BR", "JP", "IN", "AU", "CH", "us", " US ", "DE", "FR", "GB", "UK", "uk", " gb", "KR", "NO",
    "IS", "LI", "GF", "GP", "MQ", "RE", "YT", "MF", "AX", "XK", "EU", "ZZ", "AA", "", " ", "U", "USA", "U1",
    "GBR", "Ｕｓ", "ıt", "de\n"};
  private static final String[] TEXTS = {
    "", HIKING_CHAT, "Which hiking boots are best for the Rockies?", "new laptop for college",
    "As a diabetic, which hiking snacks should I pack?", "who should I vote for in the next election",
    "my therapist says my depression is getting better", "what does my church say about fasting",
    "our union is planning a strike", "best trail running shoes", "health insurance plans for hikers"};
  private static final int[] TOPICS = {
    HIKING, BOOTS, SPORTING_GOODS, LAPTOPS, BACKPACKS, OUTDOOR_FURNITURE, POLITICS, HEALTH_INSURANCE};
  private static final float[] WEIGHTS = {1f, 0.5f, 0.25f, 0.01f, Float.MIN_VALUE};
  private static final double[] PRIORS = {0, 0, 0.1, 0.3, 0.5, 0.5, 1, -1, 1e300, -0.25};
  /** Interaction ids and counters pile up in the in-memory server; rebuild it to bound memory. */
  private static final int REBUILD_EVERY = 200_000;

  private static FuzzWorld world;
  private static FuzzOracle oracle;
  private static List<Integer> sensitiveTopics;
  private static long probes;

  @BeforeAll
  static void seed() {
    world = FuzzWorld.seeded();
    oracle = new FuzzOracle(world);
    sensitiveTopics = world.adsSensitiveTopics();
  }

  @AfterAll
  static void close() {
    world.close();
  }

  @FuzzTest(maxDuration = "90m", maxExecutions = 10_000_000)
  void scoreCandidates_fallbackRequestsAndSensitiveAds_neverPersonalized(FuzzedDataProvider data) {
    ScoreCandidatesRequest request = scoreRequest(data);
    ScoreCandidatesResponse response;
    try {
      response = world.server.scoring().scoreCandidates(request);
    } catch (StatusRuntimeException e) {
      FuzzOracle.checkError(e, List.of(), request);
      return;
    }
    oracle.checkScore(request, response);
    ScoreCandidatesRequest stripped = withoutSensitiveAdTopics(request);
    if (!stripped.equals(request)) {
      ScoreCandidatesResponse again = world.server.scoring().scoreCandidates(stripped);
      check(scores(again).equals(scores(response)),
          "removing ads-sensitive topics from ads changed the ranking: " + scores(response) + " vs "
              + scores(again), request);
    }
  }

  @FuzzTest(maxDuration = "90m", maxExecutions = 10_000_000)
  void ingestInteractions_withheldChats_neverReachTheProfile(FuzzedDataProvider data) {
    if (++probes % REBUILD_EVERY == 0) {
      close();
      seed();
    }
    String user = "probe-" + probes;
    IngestInteractionsRequest.Builder batch = IngestInteractionsRequest.newBuilder();
    int n = data.consumeInt(1, 4);
    for (int i = 0; i < n; i++) {
      long offset = data.pickValue(new long[] {
          0, -1, 1, -86_400, -400L * 86_400, 30L * 86_400, data.consumeLong(-800L * 86_400, 339L * 86_400)});
      Instant at = FuzzWorld.EFFECTIVE_DATE.plusSeconds(offset).plusNanos(data.consumeInt(0, 999_999) * 1000L);
      String text = data.pickValue(TEXTS);
      batch.addInteractions(Interaction.newBuilder().setInteractionId(user + "-" + i).setUserId(user)
          .setCountry(data.consumeBoolean() ? data.pickValue(COUNTRIES) : data.consumeString(4))
          .setEventTime(Protos.ts(at))
          .setChat(ChatTurn.newBuilder().setText(text.isEmpty() ? HIKING_CHAT : text)
              .setModality(data.consumeBoolean() ? Modality.MODALITY_TEXT : Modality.MODALITY_VOICE)));
    }
    IngestInteractionsRequest request = batch.build();
    IngestInteractionsResponse response;
    try {
      response = world.server.interactions().ingestInteractions(request);
    } catch (StatusRuntimeException e) {
      FuzzOracle.checkError(e, List.of(), request);
      return;
    }
    oracle.checkIngest(request, response);
    boolean anyStored = response.getResultsList().stream()
        .anyMatch(r -> r.getOutcome() == Outcome.OUTCOME_STORED);
    if (!anyStored) {
      int topics = world.server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId(user).build())
          .getTopicsCount();
      check(topics == 0, "nothing STORED but the profile has " + topics + " topics", request);
    }
  }

  private static ScoreCandidatesRequest scoreRequest(FuzzedDataProvider data) {
    ScoreCandidatesRequest.Builder r = ScoreCandidatesRequest.newBuilder()
        .setUserId(data.pickValue(FuzzWorld.USERS))
        .setCountry(data.consumeInt(0, 9) == 0 ? data.consumeString(4) : data.pickValue(COUNTRIES))
        .setAgeBand(data.pickValue(new AgeBand[] {
            AgeBand.AGE_BAND_ADULT, AgeBand.AGE_BAND_ADULT, AgeBand.AGE_BAND_MINOR, AgeBand.AGE_BAND_UNSPECIFIED}))
        .setSurface(data.pickValue(new Surface[] {
            Surface.SURFACE_ADS, Surface.SURFACE_ADS, Surface.SURFACE_FEED, Surface.SURFACE_REELS,
            Surface.SURFACE_GROUPS}))
        .setExplain(data.consumeInt(0, 3) > 0);
    if (data.consumeBoolean()) {
      r.setContext(RequestContext.newBuilder().setSensitive(data.consumeInt(0, 3) == 0)
          .setText(data.pickValue(TEXTS)));
    }
    int n = data.consumeInt(1, 10);
    for (int i = 0; i < n; i++) {
      Candidate.Builder c = Candidate.newBuilder().setItemId("c" + i)
          .setKind(data.pickValue(new ItemKind[] {
              ItemKind.ITEM_KIND_AD, ItemKind.ITEM_KIND_AD, ItemKind.ITEM_KIND_POST, ItemKind.ITEM_KIND_REEL,
              ItemKind.ITEM_KIND_GROUP}))
          .setPrior(data.consumeBoolean() ? data.pickValue(PRIORS) : data.consumeRegularDouble(-10, 10));
      int topics = data.consumeInt(0, 4);
      for (int t = 0; t < topics; t++) {
        int id = data.consumeInt(0, 3) == 0 ? data.pickValue(sensitiveTopics) : data.pickValue(TOPICS);
        c.addTopics(TopicWeight.newBuilder().setTopicId(id).setWeight(data.pickValue(WEIGHTS)));
      }
      if (topics == 0 || data.consumeInt(0, 3) == 0) {
        c.setText(data.pickValue(TEXTS));
      }
      r.addCandidates(c);
    }
    return r.setLimit(data.consumeInt(0, n + 1)).build();
  }

  /** The same request with the ads-sensitive topics removed from each ad that keeps another topic. */
  private static ScoreCandidatesRequest withoutSensitiveAdTopics(ScoreCandidatesRequest request) {
    ScoreCandidatesRequest.Builder r = request.toBuilder();
    boolean adSurface = request.getSurface() == Surface.SURFACE_ADS;
    for (int i = 0; i < r.getCandidatesCount(); i++) {
      Candidate c = r.getCandidates(i);
      if (!adSurface && c.getKind() != ItemKind.ITEM_KIND_AD) {
        continue;
      }
      List<TopicWeight> kept = c.getTopicsList().stream().filter(t -> !world.adsSensitive(t.getTopicId())).toList();
      if (!kept.isEmpty() && kept.size() < c.getTopicsCount()) {
        r.setCandidates(i, c.toBuilder().clearTopics().addAllTopics(kept));
      }
    }
    return r.build();
  }

  private static List<String> scores(ScoreCandidatesResponse response) {
    List<String> out = new ArrayList<>();
    for (ScoredItem item : response.getItemsList()) {
      out.add(item.getItemId() + "=" + item.getScore() + (item.getPersonalized() ? "*" : ""));
    }
    return out;
  }

  private static void check(boolean ok, String what, Object request) {
    if (!ok) {
      throw new AssertionError(what + "\nrequest: " + request);
    }
  }
}
