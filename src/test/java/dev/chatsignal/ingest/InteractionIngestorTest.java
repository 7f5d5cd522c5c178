package dev.chatsignal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.PolicyConfig;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.LocalProfileRepository;
import dev.chatsignal.store.StoreException;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.testing.FakeTicker;
import dev.chatsignal.testing.FlakyStore;
import dev.chatsignal.testing.MutableClock;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TopicWeight;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionIngestorTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final String HIKING_CHAT = "any good hiking trails for a weekend camping trip?";

  private final FlakyStore repository = new FlakyStore();
  private final ProfileStore store = new ProfileStore(new LocalProfileRepository(repository, DecayPolicy.defaults(), 64),
      1 << 20, new FakeTicker(), new SimpleMeterRegistry());
  private final InteractionIngestor ingestor = new InteractionIngestor(new PrivacyPolicy(PolicyConfig.defaults()),
      new LexiconClassifier(TAXONOMY), TAXONOMY, store, IngestConfig.defaults(),
      new MutableClock(T), new SimpleMeterRegistry());

  private static Interaction chat(String id, String user, String text) {
    return new Interaction(id, user, "US", T, new Signal.Chat(text, false));
  }

  @Test
  void storeFailure_acknowledgesNothing() {
    repository.failing = true;
    assertThrows(StoreException.class, () -> ingestor.ingest(List.of(chat("c1", "u1", HIKING_CHAT))));
    repository.failing = false;
    assertEquals(List.of(IngestResult.STORED), ingestor.ingest(List.of(chat("c1", "u1", HIKING_CHAT))));
  }

  @Test
  void severalUsersInOneBatch_areCommittedTogether() {
    List<IngestResult> results = ingestor.ingest(List.of(chat("a", "u1", HIKING_CHAT), chat("b", "u2", HIKING_CHAT)));
    assertEquals(List.of(IngestResult.STORED, IngestResult.STORED), results);
    assertTrue(repository.memory.load("u1").isPresent());
    assertTrue(repository.memory.load("u2").isPresent());
  }

  @Test
  void voiceTranscript_isClassifiedLikeTypedText() {
    ingestor.ingest(List.of(new Interaction("v", "u1", "US", T,
        new Signal.Chat("um so like i wanna go hiking this weekend you know any good trails", true))));
    assertTrue(store.get("u1").entries().stream().anyMatch(e -> e.topicId() == 472));
  }

  @Test
  void textOnlyEngagement_isClassified_andWeightedBySource() {
    ingestor.ingest(List.of(new Interaction("e", "u1", "US", T, new Signal.Engagement(EngagementKind.LIKE,
        "post-1", ItemKind.POST, List.of(), "Sunrise hike to the summit, best trail of the summer"))));
    assertTrue(store.get("u1").entries().stream()
        .anyMatch(e -> e.topicId() == 472 && e.source() == SignalSource.LIKE));
  }

  @Test
  void notInterested_suppressesExplicitTopics() {
    ingestor.ingest(List.of(new Interaction("n", "u1", "US", T, new Signal.Engagement(EngagementKind.NOT_INTERESTED,
        "ad-1", ItemKind.AD, List.of(new TopicWeight(587, 1)), ""))));
    assertTrue(store.get("u1").isSuppressed(587, T));
    assertTrue(store.get("u1").entries().isEmpty());
  }
}
