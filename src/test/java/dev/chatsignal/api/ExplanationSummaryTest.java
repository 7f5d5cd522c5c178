package dev.chatsignal.api;

import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.SPORTING_GOODS;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.candidate;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.engagement;
import static dev.chatsignal.testing.Protos.threeAds;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoredItem;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.TopicContribution;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Readable summaries on every explained item, and privacy noise on ads. */
class ExplanationSummaryTest {
  private static final String CHAT =
      "My sister Rosalind and I plan to trek the Appalachian Trail near Damascus in April, which tents are light?";

  private static ScoredItem item(ScoreCandidatesResponse r, String id) {
    return r.getItemsList().stream().filter(i -> i.getItemId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyExplainedItem_hasASummary_builtFromTopicNames_neverFromChatWords() {
    try (TestServer server = TestServer.inMemory()) {
      server.interactions().ingestInteractions(batch(chat("c1", "u", "US", NOW, CHAT),
          engagement("f1", "u", "US", NOW, EngagementKind.ENGAGEMENT_KIND_FOLLOW, SPORTING_GOODS)));
      ScoreCandidatesResponse r = server.scoring().scoreCandidates(threeAds("u", "US")
          .addCandidates(candidate("ad-ball", ItemKind.ITEM_KIND_AD, 0.1, SPORTING_GOODS)).build());
      assertEquals("Because you chatted about Hiking & Camping this week", item(r, "ad-boots").getSummary());
      assertEquals("Because you follow Sporting Goods pages this week", item(r, "ad-ball").getSummary());
      assertEquals("Popular with everyone; none of your interests matched", item(r, "ad-laptop").getSummary());
      Set<String> chatWords = Set.of(CHAT.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").split(" +"));
      Set<String> allowed = Set.of("i", "in", "and", "are", "the", "which", "to", "you", "about", "this");
      for (ScoredItem i : r.getItemsList()) {
        assertFalse(i.getSummary().isBlank(), i.getItemId());
        for (String word : i.getSummary().toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").split(" +")) {
          assertTrue(allowed.contains(word) || !chatWords.contains(word),
              "summary of " + i.getItemId() + " repeats the chat word '" + word + "': " + i.getSummary());
        }
      }
    }
  }

  @Test
  void olderSignals_sayThisMonth_thenNothing() {
    try (TestServer server = TestServer.inMemory()) {
      server.interactions().ingestInteractions(batch(chat("c1", "u", "US", NOW, HIKING_CHAT)));
      server.clock.advance(Duration.ofDays(10));
      assertEquals("Because you chatted about Hiking & Camping this month",
          item(server.scoring().scoreCandidates(threeAds("u", "US").build()), "ad-boots").getSummary());
      server.clock.advance(Duration.ofDays(30));
      server.ticker.advance(Duration.ofDays(40));
      assertEquals("Because you chatted about Hiking & Camping",
          item(server.scoring().scoreCandidates(threeAds("u", "US").build()), "ad-boots").getSummary());
    }
  }

  @Test
  void nonPersonalizedReasons_getSentencesToo_andNoExplainMeansNoSummary() {
    try (TestServer server = TestServer.inMemory()) {
      server.interactions().ingestInteractions(batch(chat("c1", "u", "US", NOW, HIKING_CHAT)));
      assertEquals("Shown to everyone in your region",
          server.scoring().scoreCandidates(threeAds("u", "FR").build()).getItems(0).getSummary());
      assertEquals("Ads are not personalized for your age", server.scoring().scoreCandidates(
          threeAds("u", "US").setAgeBand(AgeBand.AGE_BAND_MINOR).build()).getItems(0).getSummary());
      assertEquals("Ads are not personalized while your age is unknown", server.scoring().scoreCandidates(
          threeAds("u", "US").setAgeBand(AgeBand.AGE_BAND_UNSPECIFIED).build()).getItems(0).getSummary());
      assertEquals("Shown to everyone: none of your activity is used yet",
          server.scoring().scoreCandidates(threeAds("nobody", "US").build()).getItems(0).getSummary());
      assertEquals("Shown to everyone: this conversation is not used to personalize", server.scoring()
          .scoreCandidates(threeAds("u", "US").setContext(RequestContext.newBuilder().setSensitive(true)).build())
          .getItems(0).getSummary());
      assertTrue(server.scoring().scoreCandidates(threeAds("u", "US").setExplain(false).build())
          .getItemsList().stream().allMatch(i -> i.getSummary().isEmpty()));
    }
  }

  @Test
  void adNoise_replacesTheTopAdTopic_marksIt_andIsTheSameOnEveryCall() {
    Map<String, String> noisy = Map.of("CHATSIGNAL_AD_NOISE_PROBABILITY", "1",
        "CHATSIGNAL_AD_NOISE_KEY", "a-test-key-of-sixteen+chars");
    try (TestServer server = TestServer.with(noisy)) {
      server.interactions().ingestInteractions(batch(chat("c1", "u", "US", NOW, HIKING_CHAT)));
      ScoreCandidatesResponse first = server.scoring().scoreCandidates(threeAds("u", "US").build());
      assertTrue(first.getItemsList().stream().flatMap(i -> i.getExplanationList().stream())
          .noneMatch(c -> c.getProfileTopicId() == dev.chatsignal.testing.Protos.HIKING),
          "the top topic (hiking) is replaced on ads: " + first);
      ScoreCandidatesRequest.Builder probe = threeAds("u", "US").clearCandidates();
      // Find the noise topic: every topic is offered once, the personalized one is the noise.
      server.topics().listTopics(dev.chatsignal.v1.ListTopicsRequest.newBuilder().build()).getTopicsList().stream()
          .limit(2000).forEach(t -> probe.addCandidates(candidate("t" + t.getId(), ItemKind.ITEM_KIND_AD, 0, t.getId())));
      ScoreCandidatesResponse all = server.scoring().scoreCandidates(probe.build());
      TopicContribution noise = all.getItems(0).getExplanation(0);
      assertTrue(noise.getNoise());
      assertNotEquals(dev.chatsignal.testing.Protos.HIKING, noise.getProfileTopicId());
      assertEquals("Picked at random to vary your ads, not from your activity", all.getItems(0).getSummary());
      assertEquals(all, server.scoring().scoreCandidates(probe.build()), "sticky: repeated calls agree");

      ScoreCandidatesResponse feed = server.scoring().scoreCandidates(threeAds("u", "US")
          .setSurface(Surface.SURFACE_REELS).clearCandidates()
          .addCandidates(candidate("reel-boots", ItemKind.ITEM_KIND_REEL, 0, dev.chatsignal.testing.Protos.BOOTS))
          .build());
      assertTrue(feed.getItems(0).getPersonalized(), "noise applies to ads only");
      assertFalse(feed.getItems(0).getExplanation(0).getNoise());
    }
  }
}
