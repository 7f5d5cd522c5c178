package dev.chatsignal.api;

import static dev.chatsignal.testing.Protos.BOOTS;
import static dev.chatsignal.testing.Protos.HIKING;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.candidate;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.threeAds;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.Protos;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoredItem;
import dev.chatsignal.v1.SignalSource;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.SuppressTopicRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoringGrpcServiceTest {
  private final TestServer server = TestServer.inMemory();

  @BeforeEach
  void hikingChat() {
    server.interactions().ingestInteractions(batch(chat("c1", "hiker", "US", NOW, HIKING_CHAT)));
  }

  @AfterEach
  void close() {
    server.close();
  }

  private ScoreCandidatesResponse score(ScoreCandidatesRequest.Builder request) {
    return server.scoring().scoreCandidates(request.build());
  }

  private static List<String> ids(ScoreCandidatesResponse r) {
    return r.getItemsList().stream().map(ScoredItem::getItemId).toList();
  }

  @Test
  void hikingChat_ranksBootAdFirst_explainedByTheChat() {
    ScoreCandidatesResponse r = score(threeAds("hiker", "US"));
    assertTrue(r.getPersonalized());
    assertEquals(Reason.REASON_PERSONALIZED, r.getReason());
    assertEquals("ad-boots", r.getItems(0).getItemId());
    ScoredItem boots = r.getItems(0);
    assertTrue(boots.getPersonalized());
    assertTrue(boots.getScore() > 0.5, "boost lifts the boot ad over the best prior");
    var why = boots.getExplanation(0);
    assertEquals(BOOTS, why.getTopicId());
    assertEquals(HIKING, why.getProfileTopicId());
    assertEquals(SignalSource.SIGNAL_SOURCE_CHAT, why.getSource());
    assertEquals("/Shopping/Apparel/Footwear/Boots", why.getPath());
    assertEquals("policy-2025-12-16.1", r.getPolicyVersion());
    assertEquals("chrome-topics-v2", r.getTaxonomyVersion());
    assertFalse(r.getClassifierVersion().isEmpty());
  }

  @Test
  void itemIds_comeBackExactly_includingNonAscii_personalizedOrNot() {
    for (String country : List.of("US", "FR")) {
      ScoreCandidatesResponse r = score(ScoreCandidatesRequest.newBuilder().setUserId("hiker").setCountry(country)
          .setAgeBand(AgeBand.AGE_BAND_ADULT).setSurface(Surface.SURFACE_FEED).setLimit(2)
          .addCandidates(candidate("bötas-🥾", ItemKind.ITEM_KIND_POST, 0.1, BOOTS))
          .addCandidates(candidate("plain", ItemKind.ITEM_KIND_POST, 0.2))
          .addCandidates(candidate("日本語", ItemKind.ITEM_KIND_POST, 0.3)));
      assertEquals(country.equals("US") ? List.of("bötas-🥾", "日本語") : List.of("日本語", "plain"), ids(r), country);
    }
  }

  @Test
  void hikingChat_personalizesEverySurface() {
    for (Surface surface : List.of(Surface.SURFACE_FEED, Surface.SURFACE_REELS, Surface.SURFACE_GROUPS)) {
      ScoreCandidatesResponse r = score(ScoreCandidatesRequest.newBuilder().setUserId("hiker").setCountry("US")
          .setSurface(surface)
          .addCandidates(candidate("cooking", ItemKind.ITEM_KIND_REEL, 0.6, 507))
          .addCandidates(candidate("trail-group", ItemKind.ITEM_KIND_GROUP, 0.2, HIKING))
          .addCandidates(candidate("friend-trail-post", ItemKind.ITEM_KIND_POST, 0.1, HIKING)));
      assertEquals(List.of("trail-group", "friend-trail-post", "cooking"), ids(r), surface.name());
    }
  }

  @Test
  void excludedRegion_getsPriorOrder_withReason() {
    for (String country : List.of("DE", "GB", "UK", "KR", "IS", "MQ")) {
      ScoreCandidatesResponse r = score(threeAds("hiker", country));
      assertFalse(r.getPersonalized(), country);
      assertEquals(Reason.REASON_REGION_EXCLUDED, r.getReason(), country);
      assertEquals(List.of("ad-laptop", "ad-sofa", "ad-boots"), ids(r), country);
      assertTrue(r.getItemsList().stream().noneMatch(ScoredItem::getPersonalized));
      assertEquals(0, r.getItems(0).getExplanationCount());
    }
  }

  @Test
  void unknownRegion_failsClosed() {
    for (String country : List.of("", "XX", "ZZ", "EU", "U", "USA", "1A", "  ")) {
      ScoreCandidatesResponse r = score(threeAds("hiker", country));
      assertEquals(Reason.REASON_REGION_UNKNOWN, r.getReason(), "'" + country + "'");
      assertEquals(List.of("ad-laptop", "ad-sofa", "ad-boots"), ids(r));
    }
  }

  @Test
  void nonPersonalizedRanking_breaksTiesByInputOrder() {
    ScoreCandidatesResponse r = score(ScoreCandidatesRequest.newBuilder().setUserId("hiker").setCountry("FR")
        .setSurface(Surface.SURFACE_FEED)
        .addCandidates(candidate("a", ItemKind.ITEM_KIND_POST, 0.1))
        .addCandidates(candidate("b", ItemKind.ITEM_KIND_POST, 0.5))
        .addCandidates(candidate("c", ItemKind.ITEM_KIND_POST, 0.1))
        .addCandidates(candidate("d", ItemKind.ITEM_KIND_POST, 0.5)));
    assertEquals(List.of("b", "d", "a", "c"), ids(r));
  }

  @Test
  void nonPersonalizedPath_readsNoStore() {
    server.profiles().getProfile(dev.chatsignal.v1.GetProfileRequest.newBuilder().setUserId("other").build());
    double reads = server.counter("chatsignal.store.reads");
    score(threeAds("never-seen-user", "DE"));
    score(threeAds("another-new-user", "").setAgeBand(AgeBand.AGE_BAND_MINOR));
    score(threeAds("third-new-user", "US").setAgeBand(AgeBand.AGE_BAND_MINOR));
    assertEquals(reads, server.counter("chatsignal.store.reads"));
    score(threeAds("fourth-new-user", "US"));
    assertEquals(reads + 1, server.counter("chatsignal.store.reads"));
  }

  @Test
  void minorsAndUnknownAges_getNonPersonalizedAds() {
    ScoreCandidatesResponse minor = score(threeAds("hiker", "US").setAgeBand(AgeBand.AGE_BAND_MINOR));
    assertEquals(Reason.REASON_MINOR, minor.getReason());
    assertEquals("ad-laptop", minor.getItems(0).getItemId());
    ScoreCandidatesResponse unknown = score(threeAds("hiker", "US").setAgeBand(AgeBand.AGE_BAND_UNSPECIFIED));
    assertEquals(Reason.REASON_AGE_UNKNOWN, unknown.getReason());
    assertFalse(unknown.getPersonalized());
  }

  @Test
  void minorOnFeed_isPersonalized_butAdsInTheFeedAreNot() {
    ScoreCandidatesResponse r = score(ScoreCandidatesRequest.newBuilder().setUserId("hiker").setCountry("US")
        .setAgeBand(AgeBand.AGE_BAND_MINOR).setSurface(Surface.SURFACE_FEED)
        .addCandidates(candidate("boot-ad", ItemKind.ITEM_KIND_AD, 0.3, BOOTS))
        .addCandidates(candidate("trail-post", ItemKind.ITEM_KIND_POST, 0.2, HIKING)));
    assertTrue(r.getPersonalized());
    ScoredItem ad = r.getItemsList().stream().filter(i -> i.getItemId().equals("boot-ad")).findFirst().get();
    assertFalse(ad.getPersonalized());
    assertEquals(Reason.REASON_MINOR, ad.getReason());
    assertEquals(0.3, ad.getScore(), 1e-9);
    assertEquals("trail-post", r.getItems(0).getItemId());
  }

  @Test
  void sensitiveContext_flaggedOrClassified_isNonPersonalized() {
    ScoreCandidatesResponse flagged = score(threeAds("hiker", "US")
        .setContext(RequestContext.newBuilder().setSensitive(true)));
    assertEquals(Reason.REASON_SENSITIVE_CONTEXT, flagged.getReason());
    assertEquals("ad-laptop", flagged.getItems(0).getItemId());
    ScoreCandidatesResponse classified = score(threeAds("hiker", "US")
        .setContext(RequestContext.newBuilder().setText("I was just diagnosed with diabetes, what should I eat")));
    assertEquals(Reason.REASON_SENSITIVE_CONTEXT, classified.getReason());
  }

  @Test
  void adsNeverUseSensitiveTopics_fromEitherSide() {
    server.interactions().ingestInteractions(batch(
        Protos.engagement("p1", "voter", "US", NOW, dev.chatsignal.v1.EngagementKind.ENGAGEMENT_KIND_FOLLOW,
            Protos.POLITICS)));
    ScoreCandidatesResponse ads = score(ScoreCandidatesRequest.newBuilder().setUserId("voter").setCountry("US")
        .setAgeBand(AgeBand.AGE_BAND_ADULT).setSurface(Surface.SURFACE_ADS).setExplain(true)
        .addCandidates(candidate("campaign-ad", ItemKind.ITEM_KIND_AD, 0.1, Protos.POLITICS))
        .addCandidates(candidate("mixed-ad", ItemKind.ITEM_KIND_AD, 0.2, Protos.POLITICS, Protos.LAPTOPS)));
    for (ScoredItem item : ads.getItemsList()) {
      assertTrue(item.getExplanationList().stream().noneMatch(c -> c.getTopicId() == Protos.POLITICS));
    }
    ScoredItem campaign = ads.getItemsList().stream().filter(i -> i.getItemId().equals("campaign-ad")).findFirst().get();
    assertEquals(Reason.REASON_AD_TOPICS_SENSITIVE, campaign.getReason());
    assertEquals(0.1, campaign.getScore(), 1e-9);
    ScoreCandidatesResponse feed = score(ScoreCandidatesRequest.newBuilder().setUserId("voter").setCountry("US")
        .setSurface(Surface.SURFACE_FEED)
        .addCandidates(candidate("news-post", ItemKind.ITEM_KIND_POST, 0.1, Protos.POLITICS)));
    assertTrue(feed.getItems(0).getPersonalized(), "non-ad surfaces may use a followed politics topic");
  }

  @Test
  void noProfile_isNonPersonalized() {
    ScoreCandidatesResponse r = score(threeAds("stranger", "US"));
    assertEquals(Reason.REASON_NO_PROFILE, r.getReason());
    assertFalse(r.getPersonalized());
  }

  @Test
  void suppressTopic_takesEffectOnNextRequest_andRecovers() {
    server.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("hiker").setTopicId(HIKING)
        .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(Duration.ofDays(7).toSeconds())).build());
    ScoreCandidatesResponse suppressed = score(threeAds("hiker", "US"));
    assertEquals("ad-laptop", suppressed.getItems(0).getItemId());
    ScoreCandidatesResponse groups = score(ScoreCandidatesRequest.newBuilder().setUserId("hiker").setCountry("US")
        .setSurface(Surface.SURFACE_GROUPS)
        .addCandidates(candidate("trail-group", ItemKind.ITEM_KIND_GROUP, 0.5, HIKING))
        .addCandidates(candidate("other", ItemKind.ITEM_KIND_GROUP, 0.4, 507)));
    assertEquals("other", groups.getItems(0).getItemId(), "see less of hiking ranks hiking below its prior");
    server.clock.advance(Duration.ofDays(8));
    assertEquals("ad-boots", score(threeAds("hiker", "US")).getItems(0).getItemId());
  }

  @Test
  void chatInterest_decaysWithItsHalfLife() {
    double fresh = score(threeAds("hiker", "US")).getItems(0).getScore();
    server.clock.advance(Duration.ofDays(14));
    ScoredItem later = score(threeAds("hiker", "US")).getItemsList().stream()
        .filter(i -> i.getItemId().equals("ad-boots")).findFirst().get();
    assertTrue(later.getScore() < fresh, "a chat two weeks old counts less");
    server.clock.advance(Duration.ofDays(365));
    assertEquals(Reason.REASON_NO_PROFILE, score(threeAds("hiker", "US")).getReason());
  }

  @Test
  void limit_returnsTheTopItemsOnly() {
    ScoreCandidatesResponse r = score(threeAds("hiker", "US").setLimit(1));
    assertEquals(List.of("ad-boots"), ids(r));
  }

  @Test
  void textOnlyCandidate_isClassified() {
    ScoreCandidatesResponse r = score(ScoreCandidatesRequest.newBuilder().setUserId("hiker").setCountry("US")
        .setSurface(Surface.SURFACE_REELS)
        .addCandidates(candidate("other", ItemKind.ITEM_KIND_REEL, 0.5, 507))
        .addCandidates(Candidate.newBuilder().setItemId("trail-reel").setKind(ItemKind.ITEM_KIND_REEL)
            .setText("Best hiking trails and camping spots in Colorado").setPrior(0.1)));
    assertEquals("trail-reel", r.getItems(0).getItemId());
  }

  @Test
  void malformedRequests_areInvalidArgument_namingTheField() {
    assertInvalid(threeAds("", "US"), "user_id: '' (expected: a non-empty id)");
    assertInvalid(threeAds("u", "US").setSurface(Surface.SURFACE_UNSPECIFIED), "surface: SURFACE_UNSPECIFIED");
    assertInvalid(threeAds("u", "US").setSurfaceValue(99), "surface: 99 (expected: a known Surface)");
    assertInvalid(threeAds("u", "US").setAgeBandValue(7), "age_band: 7");
    assertInvalid(threeAds("u", "US").clearCandidates(), "candidates: 0 items (expected: 1..2000)");
    assertInvalid(threeAds("u", "US").setLimit(-1), "limit: -1");
    assertInvalid(threeAds("u", "US").addCandidates(candidate("ad-boots", ItemKind.ITEM_KIND_AD, 1, BOOTS)),
        "candidates[3].item_id: ad-boots (expected: unique within the request)");
    assertInvalid(threeAds("u", "US").addCandidates(candidate("x", ItemKind.ITEM_KIND_UNSPECIFIED, 1, BOOTS)),
        "candidates[3].kind: ITEM_KIND_UNSPECIFIED");
    assertInvalid(threeAds("u", "US").addCandidates(Candidate.newBuilder().setItemId("x")
        .setKind(ItemKind.ITEM_KIND_AD).addTopics(Protos.topic(BOOTS, 0))), "candidates[3].topics[0].weight: 0.0");
    assertInvalid(threeAds("u", "US").addCandidates(Candidate.newBuilder().setItemId("x")
        .setKind(ItemKind.ITEM_KIND_AD).setPrior(Double.NaN)), "candidates[3].prior: NaN");
    assertInvalid(threeAds("u", "US").setContext(RequestContext.newBuilder().setText("y".repeat(5000))),
        "context.text: <5000 chars> (expected: at most 4000 characters)");
  }

  private void assertInvalid(ScoreCandidatesRequest.Builder request, String descriptionPrefix) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> score(request));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith(descriptionPrefix), e.getStatus().getDescription());
  }

  @Test
  void decisions_areCountedBySurfaceAndReason() {
    score(threeAds("hiker", "US"));
    score(threeAds("hiker", "DE"));
    assertEquals(1.0, server.counter("chatsignal.scoring.decisions", "surface", "ads", "reason", "personalized"));
    assertEquals(1.0, server.counter("chatsignal.scoring.decisions", "surface", "ads", "reason", "region_excluded"));
  }
}
