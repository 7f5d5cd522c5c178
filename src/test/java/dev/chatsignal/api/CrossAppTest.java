package dev.chatsignal.api;

import static dev.chatsignal.testing.Protos.HIKING;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.SPORTING_GOODS;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.engagement;
import static dev.chatsignal.testing.Protos.threeAds;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.DeleteProfileRequest;
import dev.chatsignal.v1.DeleteProfileResponse;
import dev.chatsignal.v1.DeleteScope;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.GetProfileResponse;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.ProfileTopic;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoredItem;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signals across apps: used where the accounts are linked, named in the explanation, kept apart in profiles. */
class CrossAppTest {
  private final TestServer server = TestServer.inMemory();

  @AfterEach
  void close() {
    server.close();
  }

  private static Interaction in(String app, Interaction interaction) {
    return interaction.toBuilder().setApp(app).build();
  }

  private ScoredItem boots(ScoreCandidatesResponse r) {
    return r.getItemsList().stream().filter(i -> i.getItemId().equals("ad-boots")).findFirst().orElseThrow();
  }

  @Test
  void hikingChatInOneApp_boostsBootAdsInALinkedApp_notInAnUnlinkedOne() {
    server.interactions().ingestInteractions(batch(in("messenger", chat("c1", "u", "US", NOW, HIKING_CHAT))));

    ScoreCandidatesResponse linked = server.scoring().scoreCandidates(
        threeAds("u", "US").setApp("instagram").addLinkedApps("messenger").build());
    ScoredItem boots = boots(linked);
    assertEquals("ad-boots", linked.getItems(0).getItemId());
    assertTrue(boots.getPersonalized());
    assertEquals("messenger", boots.getExplanation(0).getApp());
    assertEquals("Because you chatted about Hiking & Camping on Messenger this week", boots.getSummary());

    ScoreCandidatesResponse unlinked = server.scoring().scoreCandidates(
        threeAds("u", "US").setApp("instagram").addLinkedApps("whatsapp").build());
    assertEquals("ad-laptop", unlinked.getItems(0).getItemId(), "prior order: no signal crosses to an unlinked app");
    assertFalse(boots(unlinked).getPersonalized());
    assertEquals(0, boots(unlinked).getExplanationCount());
    assertEquals(Reason.REASON_NO_PROFILE, unlinked.getReason(), "the only signals are in an unlinked app");

    ScoreCandidatesResponse sameApp = server.scoring().scoreCandidates(threeAds("u", "US").setApp("messenger").build());
    assertTrue(boots(sameApp).getPersonalized(), "signals of the current app are used without any link");
    assertEquals("Because you chatted about Hiking & Camping this week", boots(sameApp).getSummary());
  }

  @Test
  void emptyApp_isTheDefaultApp_soExistingCallersKeepWorking() {
    server.interactions().ingestInteractions(batch(chat("c1", "u", "US", NOW, HIKING_CHAT)));

    assertTrue(boots(server.scoring().scoreCandidates(threeAds("u", "US").build())).getPersonalized());
    assertTrue(boots(server.scoring().scoreCandidates(threeAds("u", "US").setApp("default").build())).getPersonalized());
    assertEquals("default", boots(server.scoring().scoreCandidates(threeAds("u", "US").build())).getExplanation(0).getApp());
    assertFalse(boots(server.scoring().scoreCandidates(threeAds("u", "US").setApp("instagram").build())).getPersonalized(),
        "the default app's signals reach another app only when it is linked");
    assertTrue(boots(server.scoring().scoreCandidates(
        threeAds("u", "US").setApp("instagram").addLinkedApps("default").build())).getPersonalized());
  }

  @Test
  void signalsOfSeveralApps_addUp_andEachShowsInTheProfileWithItsApp() {
    server.interactions().ingestInteractions(batch(
        in("messenger", chat("c1", "u", "US", NOW, HIKING_CHAT)),
        in("instagram", engagement("e1", "u", "US", NOW, EngagementKind.ENGAGEMENT_KIND_FOLLOW, SPORTING_GOODS))));

    GetProfileResponse all = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u").build());
    assertEquals(2, all.getTopicsCount());
    assertTrue(all.getTopicsList().stream().anyMatch(t -> t.getTopicId() == HIKING && t.getApp().equals("messenger")));
    assertTrue(all.getTopicsList().stream()
        .anyMatch(t -> t.getTopicId() == SPORTING_GOODS && t.getApp().equals("instagram")));

    GetProfileResponse messenger = server.profiles().getProfile(
        GetProfileRequest.newBuilder().setUserId("u").setApp("Messenger").build());
    assertEquals(1, messenger.getTopicsCount(), "app names are case-insensitive");
    assertEquals(HIKING, messenger.getTopics(0).getTopicId());
  }

  @Test
  void deletingOneAppsSignals_leavesTheOtherApps() {
    server.interactions().ingestInteractions(batch(
        in("messenger", chat("c1", "u", "US", NOW, HIKING_CHAT)),
        in("instagram", chat("c2", "u", "US", NOW, HIKING_CHAT))));

    DeleteProfileResponse erased = server.profiles().deleteProfile(DeleteProfileRequest.newBuilder()
        .setUserId("u").setScope(DeleteScope.DELETE_SCOPE_CHAT_ONLY).setApp("messenger").build());
    assertEquals(1, erased.getEntriesDeleted());
    assertFalse(erased.getProfileDeleted());
    GetProfileResponse left = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u").build());
    assertEquals(1, left.getTopicsCount());
    assertEquals("instagram", left.getTopics(0).getApp());
    assertFalse(boots(server.scoring().scoreCandidates(threeAds("u", "US").setApp("messenger").build()))
        .getPersonalized(), "the erased app's signal no longer scores");

    DeleteProfileResponse rest = server.profiles().deleteProfile(DeleteProfileRequest.newBuilder()
        .setUserId("u").setScope(DeleteScope.DELETE_SCOPE_ALL).setApp("instagram").build());
    assertEquals(1, rest.getEntriesDeleted());
    assertTrue(rest.getProfileDeleted());
  }

  @Test
  void appNames_areValidated_perInteraction_andInRequests() {
    IngestInteractionsResponse r = server.interactions().ingestInteractions(batch(
        in("insta gram", chat("bad", "u", "US", NOW, HIKING_CHAT)),
        in("instagram", chat("good", "u", "US", NOW, HIKING_CHAT))));
    assertEquals(Outcome.OUTCOME_REJECTED, r.getResults(0).getOutcome());
    assertTrue(r.getResults(0).getDetail().startsWith("interactions[0].app: 'insta gram'"), r.getResults(0).getDetail());
    assertEquals(Outcome.OUTCOME_STORED, r.getResults(1).getOutcome(), "one bad app name does not drop the batch");

    StatusRuntimeException linked = assertThrows(StatusRuntimeException.class,
        () -> server.scoring().scoreCandidates(threeAds("u", "US").addLinkedApps("ok").addLinkedApps("no:colons").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, linked.getStatus().getCode());
    assertTrue(linked.getStatus().getDescription().startsWith("linked_apps[1]: 'no:colons'"),
        linked.getStatus().getDescription());

    StatusRuntimeException empty = assertThrows(StatusRuntimeException.class,
        () -> server.scoring().scoreCandidates(threeAds("u", "US").addLinkedApps("").build()));
    assertTrue(empty.getStatus().getDescription().startsWith("linked_apps[0]: ''"));

    var tooMany = threeAds("u", "US");
    for (int i = 0; i < 17; i++) {
      tooMany.addLinkedApps("app" + i);
    }
    StatusRuntimeException many = assertThrows(StatusRuntimeException.class,
        () -> server.scoring().scoreCandidates(tooMany.build()));
    assertTrue(many.getStatus().getDescription().startsWith("linked_apps: 17 apps (expected: at most 16)"),
        many.getStatus().getDescription());

    StatusRuntimeException profile = assertThrows(StatusRuntimeException.class,
        () -> server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u").setApp("-x").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, profile.getStatus().getCode());
    assertTrue(profile.getStatus().getDescription().startsWith("app: '-x'"));
  }

  @Test
  void profileTopics_carryTheirApp() {
    server.interactions().ingestInteractions(batch(in("whatsapp", chat("c1", "u", "US", NOW, HIKING_CHAT))));
    ProfileTopic topic = server.profiles().getProfile(GetProfileRequest.newBuilder().setUserId("u").build()).getTopics(0);
    assertEquals("whatsapp", topic.getApp());
    assertEquals(0, server.profiles().getProfile(
        GetProfileRequest.newBuilder().setUserId("u").setApp("default").build()).getTopicsCount());
  }
}
