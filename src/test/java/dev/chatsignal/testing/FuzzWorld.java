package dev.chatsignal.testing;

import static dev.chatsignal.testing.Protos.BOOTS;
import static dev.chatsignal.testing.Protos.HEALTH_INSURANCE;
import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.LAPTOPS;
import static dev.chatsignal.testing.Protos.POLITICS;
import static dev.chatsignal.testing.Protos.SPORTING_GOODS;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.engagement;

import com.google.protobuf.Duration;
import dev.chatsignal.v1.ClassifyTextRequest;
import dev.chatsignal.v1.ClassifyTextResponse;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.SuppressTopicRequest;
import dev.chatsignal.v1.Topic;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state the fuzz targets run against: a {@link TestServer} (production wiring, in-memory store)
 * whose users already have interests a broken rule would leak. Each of {@link #USERS} chatted about
 * hiking and boots, liked boots, sporting goods and laptops, and followed politics (247) and health
 * insurance (160); {@code pol} only followed the two sensitive topics; {@code bob} suppressed sporting
 * goods. So a request that must fall back would come out personalized, and an ad scored on a sensitive
 * topic would show up in its explanation.
 *
 * <p>Also the oracle's view of the taxonomy ({@code ListTopics}) and of the classifier
 * ({@code ClassifyText}, memoized). Not thread-safe: fuzz targets run on one thread.
 */
public final class FuzzWorld implements AutoCloseable {
  static {
    /*
     * Outside fuzzing (make test replays the seed corpus) Jazzer would still install its bug-detector
     * hooks into every loaded class: 20-60 s on a loaded 2-core machine instead of about 2 s, and the
     * hooks (e.g. the SSRF detector on socket connects) would stay in the JVM for the tests that run
     * after. Our targets check invariants with assertions, not detectors, so replay without them; a
     * fuzzing run (JAZZER_FUZZ set) or an explicit -Djazzer.hooks keeps Jazzer's default.
     */
    if (System.getenv("JAZZER_FUZZ") == null && System.getProperty("jazzer.hooks") == null) {
      System.setProperty("jazzer.hooks", "false");
    }
  }

  public static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "pol", "nobody");
  public static final Instant EFFECTIVE_DATE = Instant.parse("2025-12-16T00:00:00Z");

  public final TestServer server;
  private final Set<Integer> topics = new HashSet<>();
  private final Set<Integer> adsSensitive = new HashSet<>();
  private final Map<String, ClassifyTextResponse> classified = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ClassifyTextResponse> eldest) {
      return size() > 4096;
    }
  };

  private FuzzWorld() {
    server = TestServer.inMemory();
    for (Topic t : server.topics().listTopics(ListTopicsRequest.getDefaultInstance()).getTopicsList()) {
      topics.add(t.getId());
      if (t.getAdsSensitive()) {
        adsSensitive.add(t.getId());
      }
    }
  }

  /** A fresh server with the users' interests ingested. */
  public static FuzzWorld seeded() {
    FuzzWorld world = new FuzzWorld();
    Instant day = TestServer.NOW.minus(1, ChronoUnit.DAYS);
    for (String user : USERS.subList(0, 4)) {
      world.server.interactions().ingestInteractions(Protos.batch(
          chat(user + "-c1", user, "US", day, HIKING_CHAT),
          chat(user + "-c2", user, "US", day, "Which hiking boots are best for the Rockies?"),
          chat(user + "-c3", user, "US", day, "As a diabetic, which hiking snacks should I pack?"),
          engagement(user + "-e1", user, "US", day, EngagementKind.ENGAGEMENT_KIND_LIKE, BOOTS),
          engagement(user + "-e2", user, "US", day, EngagementKind.ENGAGEMENT_KIND_LIKE, SPORTING_GOODS),
          engagement(user + "-e3", user, "US", day, EngagementKind.ENGAGEMENT_KIND_LIKE, LAPTOPS),
          engagement(user + "-e4", user, "US", day, EngagementKind.ENGAGEMENT_KIND_FOLLOW, POLITICS),
          engagement(user + "-e5", user, "US", day, EngagementKind.ENGAGEMENT_KIND_FOLLOW, HEALTH_INSURANCE)));
    }
    IngestInteractionsRequest pol = Protos.batch(
        engagement("pol-e1", "pol", "US", day, EngagementKind.ENGAGEMENT_KIND_FOLLOW, POLITICS),
        engagement("pol-e2", "pol", "US", day, EngagementKind.ENGAGEMENT_KIND_FOLLOW, HEALTH_INSURANCE));
    world.server.interactions().ingestInteractions(pol);
    world.server.profiles().suppressTopic(SuppressTopicRequest.newBuilder().setUserId("bob")
        .setTopicId(SPORTING_GOODS).setDuration(Duration.newBuilder().setSeconds(30L * 86400)).build());
    return world;
  }

  /** True when ListTopics marks the id ads_sensitive, or does not list it at all (fail closed). */
  public boolean adsSensitive(int topicId) {
    return adsSensitive.contains(topicId) || !topics.contains(topicId);
  }

  /** The ads-sensitive topic ids, for building requests. */
  public List<Integer> adsSensitiveTopics() {
    return adsSensitive.stream().sorted().toList();
  }

  /** What ClassifyText makes of a text (memoized; texts repeat a lot under fuzzing). */
  public ClassifyTextResponse classify(String text) {
    ClassifyTextResponse r = classified.get(text);
    if (r == null) {
      r = server.topics().classifyText(ClassifyTextRequest.newBuilder().setText(text).build());
      classified.put(text, r);
    }
    return r;
  }

  @Override
  public void close() {
    server.close();
  }
}
