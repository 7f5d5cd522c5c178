package dev.chatsignal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProfileRepository} shares: local stores (memory, RocksDB) and Redis
 * (standalone and Cluster) pass the same tests. Users are unique per test, so a shared server needs
 * no flushing.
 */
abstract class ProfileRepositoryContract {
  static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  static final int MAX_TOPICS = 5;
  static final DecayPolicy DECAY = DecayPolicy.defaults();

  private final List<ProfileRepository> opened = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** A repository keeping at most {@link #MAX_TOPICS} topics per profile. */
  abstract ProfileRepository create();

  /** A second handle on the same data, as another replica would have; local stores share one. */
  ProfileRepository createSecond(ProfileRepository first) {
    return first;
  }

  ProfileRepository open() {
    ProfileRepository repository = create();
    opened.add(repository);
    return repository;
  }

  String user(String name) {
    return name + "-" + run;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(ProfileRepository::close);
  }

  static ProfileOp reinforce(String id, int topic, SignalSource source, double amount, Instant at) {
    return new ProfileOp(id, List.of(new ProfileOp.Reinforcement(topic, source, amount, at.toEpochMilli())), List.of());
  }

  static double weight(Profile profile, int topic, SignalSource source, Instant now) {
    return profile.entries().stream().filter(e -> e.topicId() == topic && e.source() == source)
        .mapToDouble(e -> DECAY.weightAt(e, now)).sum();
  }

  @Test
  void unknownUser_hasNoProfile() {
    assertTrue(open().load(user("nobody")).isEmpty());
  }

  @Test
  void appliedOps_areLoadedBack_withSourceAndTime() {
    ProfileRepository repository = open();
    String u = user("u");
    assertEquals(List.of(List.of(true)), repository.apply(
        List.of(new UserOps(u, List.of(reinforce("i1", 472, SignalSource.CHAT, 0.8, T)))), T));
    Profile p = repository.load(u).orElseThrow();
    assertEquals(1, p.entries().size());
    ProfileEntry e = p.entries().get(0);
    assertEquals(472, e.topicId());
    assertEquals(SignalSource.CHAT, e.source());
    assertEquals(T.toEpochMilli(), e.updatedAtMillis());
    assertEquals(0.8, e.weight(), 1e-9);
  }

  @Test
  void retriedInteractionIds_areDuplicates_inABatchAndLater() {
    ProfileRepository repository = open();
    String u = user("u");
    ProfileOp op = reinforce("i1", 472, SignalSource.CHAT, 0.5, T);
    assertEquals(List.of(List.of(true, false)), repository.apply(List.of(new UserOps(u, List.of(op, op))), T));
    assertEquals(List.of(List.of(false)), repository.apply(List.of(new UserOps(u, List.of(op))), T));
    assertEquals(0.5, weight(repository.load(u).orElseThrow(), 472, SignalSource.CHAT, T), 1e-9);
    assertEquals(List.of(List.of(true)), repository.apply(
        List.of(new UserOps(user("other"), List.of(op))), T), "ids are per user");
  }

  @Test
  void reinforcements_decayPerSource_inAnyOrder() {
    ProfileRepository repository = open();
    String u = user("u");
    Instant later = T.plus(Duration.ofDays(7));
    repository.apply(List.of(new UserOps(u, List.of(reinforce("b", 472, SignalSource.CHAT, 0.6, later),
        reinforce("a", 472, SignalSource.CHAT, 0.4, T), reinforce("c", 611, SignalSource.FOLLOW, 1.0, T)))), later);
    Profile p = repository.load(u).orElseThrow();
    Instant now = T.plus(Duration.ofDays(14));
    assertEquals(0.4 * 0.5 + 0.6 * Math.pow(0.5, 0.5), weight(p, 472, SignalSource.CHAT, now), 1e-9);
    assertEquals(Math.pow(0.5, 14.0 / 180), weight(p, 611, SignalSource.FOLLOW, now), 1e-9);
    assertEquals(later.toEpochMilli(), p.entries().stream().filter(e -> e.topicId() == 472).findFirst()
        .orElseThrow().updatedAtMillis());
  }

  @Test
  void suppressions_keepTheLatestEnd_andEndedOnesAreDropped() {
    ProfileRepository repository = open();
    String u = user("u");
    ProfileOp soon = new ProfileOp(null, List.of(), List.of(new ProfileOp.Suppression(472, T.plusSeconds(60).toEpochMilli())));
    ProfileOp late = new ProfileOp(null, List.of(), List.of(new ProfileOp.Suppression(472, T.plusSeconds(600).toEpochMilli())));
    repository.apply(List.of(new UserOps(u, List.of(late, soon))), T);
    assertEquals(Map.of(472, T.plusSeconds(600).toEpochMilli()), repository.load(u).orElseThrow().suppressedUntilMillis());
    repository.apply(List.of(new UserOps(u, List.of(reinforce("x", 1, SignalSource.LIKE, 1, T)))), T.plusSeconds(601));
    assertEquals(Map.of(), repository.load(u).orElseThrow().suppressedUntilMillis());
  }

  @Test
  void profiles_keepOnlyTheStrongestTopics() {
    ProfileRepository repository = open();
    String u = user("u");
    List<ProfileOp> ops = new ArrayList<>();
    for (int topic = 1; topic <= 9; topic++) {
      ops.add(reinforce("i" + topic, topic, SignalSource.LIKE, topic / 10.0, T));
    }
    repository.apply(List.of(new UserOps(u, ops)), T);
    Profile p = repository.load(u).orElseThrow();
    assertEquals(MAX_TOPICS, p.entries().size());
    assertTrue(p.entries().stream().allMatch(e -> e.topicId() >= 5));
  }

  @Test
  void eraseChatOnly_keepsOtherSources_andEraseAll_removesEverything() {
    ProfileRepository repository = open();
    String u = user("u");
    repository.apply(List.of(new UserOps(u, List.of(reinforce("c", 472, SignalSource.CHAT, 1, T),
        reinforce("f", 611, SignalSource.FOLLOW, 1, T)))), T);
    assertEquals(new Erasure(1, false), repository.erase(u, ErasureScope.CHAT_ONLY, java.util.Optional.empty()));
    Profile p = repository.load(u).orElseThrow();
    assertEquals(List.of(SignalSource.FOLLOW), p.entries().stream().map(ProfileEntry::source).toList());
    assertEquals(new Erasure(1, true), repository.erase(u, ErasureScope.ALL, java.util.Optional.empty()));
    assertTrue(repository.load(u).isEmpty());
    assertEquals(List.of(List.of(false)), repository.apply(
        List.of(new UserOps(u, List.of(reinforce("c", 472, SignalSource.CHAT, 1, T)))), T),
        "a retry after erasure cannot restore erased data");
  }

  static ProfileOp inApp(String id, int topic, SignalSource source, String app, double amount, Instant at) {
    return new ProfileOp(id, List.of(new ProfileOp.Reinforcement(topic, source, app, amount, at.toEpochMilli())),
        List.of());
  }

  @Test
  void signalsOfDifferentApps_areSeparateEntries_andAreErasedPerApp() {
    ProfileRepository repository = open();
    String u = user("apps");
    repository.apply(List.of(new UserOps(u, List.of(
        inApp("m1", 472, SignalSource.CHAT, "messenger", 1, T),
        inApp("m2", 472, SignalSource.CHAT, "messenger", 0.5, T),
        inApp("i1", 472, SignalSource.CHAT, "instagram", 0.25, T),
        inApp("d1", 472, SignalSource.CHAT, Apps.DEFAULT, 0.125, T),
        inApp("i2", 611, SignalSource.FOLLOW, "instagram", 1, T)))), T);
    Profile p = repository.load(u).orElseThrow();
    assertEquals(4, p.entries().size(), "one entry per (topic, source, app)");
    assertEquals(1.5, appWeight(p, 472, "messenger"), 1e-9);
    assertEquals(0.25, appWeight(p, 472, "instagram"), 1e-9);
    assertEquals(0.125, appWeight(p, 472, Apps.DEFAULT), 1e-9);

    assertEquals(new Erasure(1, false),
        repository.erase(u, ErasureScope.CHAT_ONLY, java.util.Optional.of("instagram")));
    assertEquals(Map.of("messenger", 1L, Apps.DEFAULT, 1L, "instagram", 1L), appsOf(repository.load(u).orElseThrow()),
        "instagram's chat is gone, its follow stays");
    assertEquals(new Erasure(1, false), repository.erase(u, ErasureScope.ALL, java.util.Optional.of(Apps.DEFAULT)));
    assertEquals(new Erasure(2, true), repository.erase(u, ErasureScope.ALL, java.util.Optional.empty()));
  }

  @Test
  void appsShareTheTopicBudget_keptByTheirSummedWeight() {
    ProfileRepository repository = open();
    String u = user("budget");
    List<ProfileOp> ops = new ArrayList<>();
    for (int topic = 1; topic <= MAX_TOPICS + 1; topic++) {
      ops.add(inApp("a" + topic, topic, SignalSource.LIKE, "a", 0.1 * topic, T));
    }
    ops.add(inApp("b1", 1, SignalSource.LIKE, "b", 1, T)); // topic 1 becomes the strongest across apps
    repository.apply(List.of(new UserOps(u, ops)), T);
    Profile p = repository.load(u).orElseThrow();
    assertTrue(p.entries().stream().anyMatch(e -> e.topicId() == 1 && e.app().equals("a")),
        "topic 1 is kept in both apps because its total over apps is the largest");
    assertTrue(p.entries().stream().noneMatch(e -> e.topicId() == 2), "the weakest topic is dropped");
  }

  private static double appWeight(Profile p, int topic, String app) {
    return p.entries().stream().filter(e -> e.topicId() == topic && e.app().equals(app))
        .mapToDouble(e -> DECAY.weightAt(e, T)).sum();
  }

  private static Map<String, Long> appsOf(Profile p) {
    return p.entries().stream().collect(java.util.stream.Collectors.groupingBy(ProfileEntry::app,
        java.util.stream.Collectors.counting()));
  }

  @Test
  void usersWithSharedPrefixes_doNotCollide() {
    ProfileRepository repository = open();
    String a = user("a");
    String ab = a + "b";
    repository.apply(List.of(new UserOps(a, List.of(reinforce("x", 1, SignalSource.LIKE, 0.1, T))),
        new UserOps(ab, List.of(reinforce("x", 2, SignalSource.LIKE, 0.2, T)))), T);
    assertEquals(1, repository.load(a).orElseThrow().entries().get(0).topicId());
    assertEquals(2, repository.load(ab).orElseThrow().entries().get(0).topicId());
  }

  @Test
  void concurrentWriters_onOneUser_loseNothing() throws Exception {
    ProfileRepository first = open();
    ProfileRepository second = createSecond(first);
    String u = user("hot");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        ProfileRepository writer = w % 2 == 0 ? first : second;
        int worker = w;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            writer.apply(List.of(new UserOps(u, List.of(
                reinforce(worker + "-" + i, 472, SignalSource.LIKE, 0.01, T),
                reinforce("shared-" + i, 611, SignalSource.LIKE, 0.01, T)))), T);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Profile p = first.load(u).orElseThrow();
    assertEquals(2.0, weight(p, 472, SignalSource.LIKE, T), 1e-6, "4 writers x 50 distinct ids x 0.01");
    assertEquals(0.5, weight(p, 611, SignalSource.LIKE, T), 1e-6, "50 shared ids, each counted once");
  }

  @Test
  void ping_answersWhileUp() {
    assertTrue(open().ping());
    assertFalse(open().describe().isBlank());
  }
}
