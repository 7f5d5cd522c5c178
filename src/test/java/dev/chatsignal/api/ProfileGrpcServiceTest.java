package dev.chatsignal.api;

import static dev.chatsignal.testing.Protos.HIKING;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.engagement;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.DeleteProfileRequest;
import dev.chatsignal.v1.DeleteProfileResponse;
import dev.chatsignal.v1.DeleteScope;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.GetProfileResponse;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.SignalSource;
import dev.chatsignal.v1.SuppressTopicRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileGrpcServiceTest {
  private final TestServer server = TestServer.inMemory();

  @BeforeEach
  void chatAndFollow() {
    server.interactions().ingestInteractions(batch(chat("c1", "u1", "US", NOW, HIKING_CHAT),
        engagement("f1", "u1", "US", NOW, EngagementKind.ENGAGEMENT_KIND_FOLLOW, Protos.SPORTING_GOODS)));
  }

  @AfterEach
  void close() {
    server.close();
  }

  private GetProfileResponse profile(String user) {
    return server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId(user).build());
  }

  @Test
  void getProfile_listsOneEntryPerTopicAndSource_withUpdateTime() {
    GetProfileResponse p = profile("u1");
    assertTrue(p.getTopicsList().stream().anyMatch(t -> t.getTopicId() == HIKING
        && t.getSource() == SignalSource.SIGNAL_SOURCE_CHAT && t.getUpdatedAt().getSeconds() == NOW.getEpochSecond()));
    assertTrue(p.getTopicsList().stream().anyMatch(t -> t.getTopicId() == Protos.SPORTING_GOODS
        && t.getSource() == SignalSource.SIGNAL_SOURCE_FOLLOW && t.getPath().equals("/Sports/Sporting Goods")));
    for (int i = 1; i < p.getTopicsCount(); i++) {
      assertTrue(p.getTopics(i - 1).getWeight() >= p.getTopics(i).getWeight(), "strongest first");
    }
  }

  @Test
  void deleteChatOnly_keepsEngagements() {
    DeleteProfileResponse r = server.profiles().deleteProfile(DeleteProfileRequest.newBuilder().setUserId("u1")
        .setScope(DeleteScope.DELETE_SCOPE_CHAT_ONLY).build());
    assertTrue(r.getEntriesDeleted() >= 1);
    assertFalse(r.getProfileDeleted());
    GetProfileResponse p = profile("u1");
    assertTrue(p.getTopicsList().stream().noneMatch(t -> t.getSource() == SignalSource.SIGNAL_SOURCE_CHAT));
    assertTrue(p.getTopicsList().stream().anyMatch(t -> t.getSource() == SignalSource.SIGNAL_SOURCE_FOLLOW));
  }

  @Test
  void deleteAll_erasesEverything_andRetriesCannotBringItBack() {
    DeleteProfileResponse r = server.profiles().deleteProfile(DeleteProfileRequest.newBuilder().setUserId("u1")
        .setScope(DeleteScope.DELETE_SCOPE_ALL).build());
    assertTrue(r.getProfileDeleted());
    assertEquals(0, profile("u1").getTopicsCount());
    var retry = server.interactions().ingestInteractions(batch(chat("c1", "u1", "US", NOW, HIKING_CHAT)));
    assertEquals(Outcome.OUTCOME_DUPLICATE, retry.getResults(0).getOutcome());
    var score = server.scoring().scoreCandidates(Protos.threeAds("u1", "US").build());
    assertEquals(Reason.REASON_NO_PROFILE, score.getReason());
  }

  @Test
  void deleteUnknownUser_isIdempotent() {
    DeleteProfileResponse r = server.profiles().deleteProfile(DeleteProfileRequest.newBuilder().setUserId("nobody")
        .setScope(DeleteScope.DELETE_SCOPE_ALL).build());
    assertEquals(0, r.getEntriesDeleted());
    assertTrue(r.getProfileDeleted());
  }

  @Test
  void suppressTopic_isListedUntilItEnds() {
    var r = server.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("u1").setTopicId(HIKING)
        .setDuration(Duration.newBuilder().setSeconds(3600)).build());
    assertEquals(NOW.getEpochSecond() + 3600, r.getSuppression().getUntil().getSeconds());
    assertEquals(HIKING, profile("u1").getSuppressed(0).getTopicId());
    server.clock.advance(java.time.Duration.ofHours(2));
    assertEquals(0, profile("u1").getSuppressedCount());
  }

  @Test
  void badRequests_areInvalidArgument() {
    assertInvalid(() -> server.profiles().getProfile(GetProfileRequest.getDefaultInstance()), "user_id:");
    assertInvalid(() -> server.profiles().deleteProfile(DeleteProfileRequest.newBuilder().setUserId("u1").build()),
        "scope: DELETE_SCOPE_UNSPECIFIED (expected: DELETE_SCOPE_ALL or DELETE_SCOPE_CHAT_ONLY)");
    assertInvalid(() -> server.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("u1")
        .setTopicId(123456).setDuration(Duration.newBuilder().setSeconds(60)).build()), "topic_id: 123456");
    assertInvalid(() -> server.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("u1")
        .setTopicId(HIKING).build()), "duration: not set");
    assertInvalid(() -> server.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("u1")
        .setTopicId(HIKING).setDuration(Duration.newBuilder().setSeconds(-5)).build()), "duration: -5s");
    assertInvalid(() -> server.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("u1")
        .setTopicId(HIKING).setDuration(Duration.newBuilder().setSeconds(366L * 86400)).build()), "duration:");
  }

  private static void assertInvalid(Runnable call, String prefix) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith(prefix), e.getStatus().getDescription());
  }
}
