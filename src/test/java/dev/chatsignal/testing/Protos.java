package dev.chatsignal.testing;

import com.google.protobuf.Timestamp;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ChatTurn;
import dev.chatsignal.v1.Engagement;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.TopicWeight;
import java.time.Instant;

/** Builders for the request messages the tests send. */
public final class Protos {
  public static final int HIKING = 472;
  public static final int BOOTS = 587;
  public static final int BACKPACKS = 623;
  public static final int SPORTING_GOODS = 611;
  public static final int OUTDOOR_FURNITURE = 489;
  public static final int POLITICS = 247;
  public static final int LAPTOPS = 135;
  public static final int HEALTH_INSURANCE = 160;
  public static final String HIKING_CHAT =
      "I want to go hiking in the Rockies next weekend, what trails do you recommend?";

  private Protos() {}

  public static Timestamp ts(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  public static Interaction chat(String id, String user, String country, Instant at, String text) {
    return Interaction.newBuilder().setInteractionId(id).setUserId(user).setCountry(country)
        .setEventTime(ts(at)).setChat(ChatTurn.newBuilder().setText(text)).build();
  }

  public static Interaction engagement(
      String id, String user, String country, Instant at, EngagementKind kind, int topic) {
    return Interaction.newBuilder().setInteractionId(id).setUserId(user).setCountry(country)
        .setEventTime(ts(at)).setEngagement(Engagement.newBuilder().setKind(kind).setItemId("item-" + id)
            .setItemKind(ItemKind.ITEM_KIND_POST).addTopics(topic(topic, 1))).build();
  }

  public static IngestInteractionsRequest batch(Interaction... interactions) {
    IngestInteractionsRequest.Builder b = IngestInteractionsRequest.newBuilder();
    for (Interaction i : interactions) {
      b.addInteractions(i);
    }
    return b.build();
  }

  public static TopicWeight topic(int id, double weight) {
    return TopicWeight.newBuilder().setTopicId(id).setWeight((float) weight).build();
  }

  public static Candidate candidate(String id, ItemKind kind, double prior, int... topics) {
    Candidate.Builder b = Candidate.newBuilder().setItemId(id).setKind(kind).setPrior(prior);
    for (int t : topics) {
      b.addTopics(topic(t, 1));
    }
    return b.build();
  }

  /** Three ads: a laptop ad with the best prior, hiking boots, outdoor furniture. */
  public static ScoreCandidatesRequest.Builder threeAds(String user, String country) {
    return ScoreCandidatesRequest.newBuilder().setUserId(user).setCountry(country)
        .setAgeBand(AgeBand.AGE_BAND_ADULT).setSurface(Surface.SURFACE_ADS).setExplain(true)
        .addCandidates(candidate("ad-laptop", ItemKind.ITEM_KIND_AD, 0.5, LAPTOPS))
        .addCandidates(candidate("ad-boots", ItemKind.ITEM_KIND_AD, 0.3, BOOTS))
        .addCandidates(candidate("ad-sofa", ItemKind.ITEM_KIND_AD, 0.4, OUTDOOR_FURNITURE));
  }
}
