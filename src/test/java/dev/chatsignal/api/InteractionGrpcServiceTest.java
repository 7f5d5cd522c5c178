package dev.chatsignal.api;

import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.engagement;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.Protos;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.ChatTurn;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.Outcome;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InteractionGrpcServiceTest {
  private final TestServer server = TestServer.inMemory();

  @AfterEach
  void close() {
    server.close();
  }

  private IngestInteractionsResponse ingest(Interaction... interactions) {
    return server.interactions().ingestInteractions(batch(interactions));
  }

  @Test
  void hikingChat_isStoredAsHikingTopicFromChat() {
    IngestInteractionsResponse r = ingest(chat("c1", "u1", "US", NOW, HIKING_CHAT));
    assertEquals(1, r.getAccepted());
    assertEquals(Outcome.OUTCOME_STORED, r.getResults(0).getOutcome());
    var profile = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u1").build());
    assertEquals(Protos.HIKING, profile.getTopics(0).getTopicId());
    assertEquals(dev.chatsignal.v1.SignalSource.SIGNAL_SOURCE_CHAT, profile.getTopics(0).getSource());
  }

  @Test
  void retriedInteractionId_isDuplicateAndNotCountedTwice() {
    ingest(chat("c1", "u1", "US", NOW, HIKING_CHAT));
    var before = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u1").build());
    IngestInteractionsResponse retry = ingest(chat("c1", "u1", "US", NOW, HIKING_CHAT));
    assertEquals(Outcome.OUTCOME_DUPLICATE, retry.getResults(0).getOutcome());
    assertEquals(1, retry.getDuplicates());
    assertEquals(0, retry.getAccepted());
    var after = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u1").build());
    assertEquals(before, after);
  }

  @Test
  void sameIdTwiceInOneBatch_secondIsDuplicate() {
    IngestInteractionsResponse r = ingest(chat("c1", "u1", "US", NOW, HIKING_CHAT), chat("c1", "u1", "US", NOW, HIKING_CHAT));
    assertEquals(Outcome.OUTCOME_STORED, r.getResults(0).getOutcome());
    assertEquals(Outcome.OUTCOME_DUPLICATE, r.getResults(1).getOutcome());
  }

  @Test
  void excludedAndUnknownRegions_areWithheld() {
    for (String country : new String[] {"DE", "FR", "GB", "UK", "KR", "NO", "GF", "", "XX", "usa", "Z1"}) {
      IngestInteractionsResponse r = ingest(chat("c-" + country, "u1", country, NOW, HIKING_CHAT));
      assertEquals(Outcome.OUTCOME_WITHHELD_REGION, r.getResults(0).getOutcome(), country);
    }
    var profile = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u1").build());
    assertEquals(0, profile.getTopicsCount());
  }

  @Test
  void chatBeforeEffectiveDate_isWithheld_andTheBoundaryItselfIsUsed() {
    Instant effective = Instant.parse("2025-12-16T00:00:00Z");
    IngestInteractionsResponse r = ingest(
        chat("early", "u1", "US", effective.minusMillis(1), HIKING_CHAT),
        chat("exact", "u1", "US", effective, HIKING_CHAT));
    assertEquals(Outcome.OUTCOME_WITHHELD_BEFORE_EFFECTIVE_DATE, r.getResults(0).getOutcome());
    assertEquals(Outcome.OUTCOME_STORED, r.getResults(1).getOutcome());
  }

  @Test
  void sensitiveChat_isWithheldAndCountedByCategory_withoutText() {
    IngestInteractionsResponse r = ingest(chat("s1", "u1", "US", NOW,
        "As a diabetic, which hiking snacks should I pack for a long trail?"));
    assertEquals(Outcome.OUTCOME_WITHHELD_SENSITIVE, r.getResults(0).getOutcome());
    assertTrue(r.getResults(0).getDetail().contains("health"));
    assertFalse(r.getResults(0).getDetail().contains("diabetic"));
    assertEquals(1.0, server.counter("chatsignal.sensitive.withheld", "category", "health"));
    var profile = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u1").build());
    assertEquals(0, profile.getTopicsCount());
  }

  @Test
  void oneBadInteraction_isRejectedAlone_andTheOthersAreStored() {
    Interaction bad = chat("bad", "u1", "US", NOW, HIKING_CHAT).toBuilder().clearUserId().build();
    Interaction noSignal = Interaction.newBuilder().setInteractionId("none").setUserId("u1").setCountry("US")
        .setEventTime(Protos.ts(NOW)).build();
    IngestInteractionsResponse r = ingest(chat("ok1", "u1", "US", NOW, HIKING_CHAT), bad, noSignal,
        chat("ok2", "u2", "US", NOW, HIKING_CHAT));
    assertEquals(Outcome.OUTCOME_STORED, r.getResults(0).getOutcome());
    assertEquals(Outcome.OUTCOME_REJECTED, r.getResults(1).getOutcome());
    assertEquals("interactions[1].user_id: '' (expected: a non-empty id)", r.getResults(1).getDetail());
    assertEquals(Outcome.OUTCOME_REJECTED, r.getResults(2).getOutcome());
    assertTrue(r.getResults(2).getDetail().startsWith("interactions[2].signal:"));
    assertEquals(Outcome.OUTCOME_STORED, r.getResults(3).getOutcome());
    assertEquals(2, r.getAccepted());
    assertEquals(2, r.getRejected());
  }

  @Test
  void rejections_nameTheFieldAndRule_andNeverEchoText() {
    String secret = "x".repeat(4001);
    Interaction longText = chat("long", "u1", "US", NOW, secret);
    Interaction blank = chat("blank", "u1", "US", NOW, "   ");
    Interaction future = chat("future", "u1", "US", NOW.plus(Duration.ofHours(1)), HIKING_CHAT);
    Interaction noTime = chat("nt", "u1", "US", NOW, HIKING_CHAT).toBuilder().clearEventTime().build();
    Interaction badWeight = engagement("w", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_LIKE, Protos.HIKING)
        .toBuilder().setEngagement(engagement("w", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_LIKE, 1)
            .getEngagement().toBuilder().setTopics(0, Protos.topic(Protos.HIKING, 1.5))).build();
    Interaction badTopic = engagement("t", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_LIKE, 99999);
    Interaction noKind = engagement("k", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_UNSPECIFIED, Protos.HIKING);
    Interaction badModality = chat("m", "u1", "US", NOW, HIKING_CHAT).toBuilder()
        .setChat(ChatTurn.newBuilder().setText(HIKING_CHAT).setModalityValue(42)).build();
    IngestInteractionsResponse r = ingest(longText, blank, future, noTime, badWeight, badTopic, noKind, badModality);
    String[] expected = {
      "interactions[0].chat.text: <4001 chars> (expected: at most 4000 characters)",
      "interactions[1].chat.text: <empty> (expected: non-blank text)",
      "interactions[2].event_time:",
      "interactions[3].event_time: not set (expected: a timestamp)",
      "interactions[4].engagement.topics[0].weight: 1.5 (expected: in (0, 1])",
      "interactions[5].engagement.topics[0].topic_id: 99999",
      "interactions[6].engagement.kind: ENGAGEMENT_KIND_UNSPECIFIED",
      "interactions[7].chat.modality: 42 (expected: a known enum value)",
    };
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Outcome.OUTCOME_REJECTED, r.getResults(i).getOutcome(), expected[i]);
      assertTrue(r.getResults(i).getDetail().startsWith(expected[i]), r.getResults(i).getDetail());
      assertFalse(r.getResults(i).getDetail().contains("xxxx"));
    }
  }

  @Test
  void emptyOrOversizedBatch_isInvalidArgument() {
    StatusRuntimeException empty = assertThrows(StatusRuntimeException.class,
        () -> server.interactions().ingestInteractions(IngestInteractionsRequest.getDefaultInstance()));
    assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());
    assertEquals("interactions: 0 items (expected: 1..1000)", empty.getStatus().getDescription());

    try (TestServer small = TestServer.with(Map.of("CHATSIGNAL_MAX_INTERACTIONS", "2"))) {
      StatusRuntimeException big = assertThrows(StatusRuntimeException.class,
          () -> small.interactions().ingestInteractions(batch(chat("a", "u", "US", NOW, HIKING_CHAT),
              chat("b", "u", "US", NOW, HIKING_CHAT), chat("c", "u", "US", NOW, HIKING_CHAT))));
      assertEquals(Status.Code.INVALID_ARGUMENT, big.getStatus().getCode());
      assertEquals("interactions: 3 items (expected: 1..2)", big.getStatus().getDescription());
    }
  }

  @Test
  void hideEngagement_suppressesTopic_forThirtyDays() {
    ingest(engagement("f", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_FOLLOW, Protos.HIKING),
        engagement("h", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_HIDE, Protos.HIKING));
    var profile = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u1").build());
    assertEquals(1, profile.getSuppressedCount());
    assertEquals(NOW.plus(Duration.ofDays(30)).getEpochSecond(), profile.getSuppressed(0).getUntil().getSeconds());
  }

  @Test
  void ingestOutcomes_areCountedByKindAndOutcome() {
    ingest(chat("c1", "u1", "US", NOW, HIKING_CHAT), chat("c2", "u1", "FR", NOW, HIKING_CHAT),
        engagement("e1", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_LIKE, Protos.HIKING));
    assertEquals(1.0, server.counter("chatsignal.ingest.interactions", "kind", "chat", "outcome", "stored"));
    assertEquals(1.0, server.counter("chatsignal.ingest.interactions", "kind", "chat", "outcome", "withheld_region"));
    assertEquals(1.0, server.counter("chatsignal.ingest.interactions", "kind", "engagement", "outcome", "stored"));
  }
}
