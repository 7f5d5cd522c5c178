package dev.chatsignal.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.GetProfileResponse;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.InteractionResult;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.ProfileTopic;
import dev.chatsignal.v1.SignalSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash durability of the real jar on its default store (RocksDB, {@code CHATSIGNAL_STORE_SYNC} left at
 * its default, true): {@code kill -9} at a random moment of a concurrent ingest, restart on the same
 * data directory, and account for every interaction.
 *
 * <p>Per trial: an acknowledged interaction must be there (resending it gives DUPLICATE); an interaction
 * whose call failed must come back STORED or DUPLICATE on resend, the whole batch alike (a batch is
 * one atomic commit); and each user's LIKE weight, read before and after the resends, must equal 0.5
 * × the interactions known to be stored (decay from the shared event time is computed, not ignored),
 * so that nothing is lost and nothing is counted twice. The trials run back to back on one data
 * directory, so the counts accumulate over several crashes.
 *
 * <p>{@code -Dchatsignal.crash.trials=20} runs more trials ({@code make crashtest}); the default 3 keep
 * the normal suite short. {@code -Dchatsignal.crash.seed} changes the kill points.
 */
class CrashDurabilityIT {
  private static final int TRIALS = Integer.getInteger("chatsignal.crash.trials", 3);
  private static final long SEED = Long.getLong("chatsignal.crash.seed", 20261126L);
  private static final double LIKE_SOURCE_WEIGHT = 0.5;
  private static final Duration LIKE_HALF_LIFE = Duration.ofDays(30);
  /** Kill after this many acknowledged batches, plus a random share of {@link #KILL_SPREAD}. */
  private static final int MIN_ACKS_BEFORE_KILL = 5;
  private static final int KILL_SPREAD = 150;

  private final CrashUsers users = new CrashUsers();
  private final Instant eventTime = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);

  @TempDir
  Path dataDir;

  @Test
  void killDashNine_duringConcurrentIngest_losesNoAcknowledgedInteraction_andCountsNoneTwice() throws Exception {
    Random random = new Random(SEED);
    Map<String, String> env = Map.of("CHATSIGNAL_DATA_DIR", dataDir.toString());
    long[] stored = new long[users.count()];
    int totalAcked = 0;
    int totalUnknown = 0;
    int totalUnknownFound = 0;
    JarProcess jar = JarProcess.start(env);
    try {
      for (int trial = 0; trial < TRIALS; trial++) {
        int killAfter = MIN_ACKS_BEFORE_KILL + random.nextInt(KILL_SPREAD);
        KilledIngest.Result load = new KilledIngest(users, eventTime).run(jar, "t" + trial, killAfter, random);
        assertEquals(List.of(), load.failuresBeforeKill(), "calls failed before the kill");
        assertEquals(List.of(), load.unexpectedOutcomes(), "fresh ids must be STORED");
        jar.close();
        jar = JarProcess.start(env);
        try (JarClient client = new JarClient(jar)) {
          int found = verify(client, load, stored, trial);
          int acked = load.acknowledged().stream().mapToInt(List::size).sum();
          int unknown = load.unknown().stream().mapToInt(List::size).sum();
          totalAcked += acked;
          totalUnknown += unknown;
          totalUnknownFound += found;
          System.out.printf("CRASH trial=%d killAfterBatches=%d acknowledged=%d unacknowledged=%d "
              + "(in %d failed calls: %s) unacknowledgedButStored=%d lost=0 countedTwice=0%n", trial, killAfter,
              acked, unknown, load.unknown().size(), load.killCodes(), found);
        }
      }
      System.out.printf("CRASH SUMMARY trials=%d acknowledged=%d unacknowledged=%d unacknowledgedButStored=%d "
          + "lost=0 countedTwice=0 seed=%d%n", TRIALS, totalAcked, totalUnknown, totalUnknownFound, SEED);
      assertEquals(0, jar.terminate(), "a clean SIGTERM after the last restart exits 0");
    } finally {
      jar.close();
    }
  }

  /**
   * Checks one trial after the restart and moves {@code stored} (likes stored per user) forward.
   *
   * @return how many unacknowledged interactions had been stored before the kill
   */
  private int verify(JarClient client, KilledIngest.Result load, long[] stored, int trial) {
    long[] acked = new long[users.count()];
    load.acknowledged().forEach(batch -> batch.forEach(i -> acked[users.indexOf(i.getUserId())]++));
    long[] before = likes(client);

    List<Interaction> all = new ArrayList<>();
    load.acknowledged().forEach(all::addAll);
    for (int from = 0; from < all.size(); from += 1000) {
      for (InteractionResult r : ingest(client, all.subList(from, Math.min(all.size(), from + 1000)))) {
        assertEquals(Outcome.OUTCOME_DUPLICATE, r.getOutcome(),
            "trial " + trial + ": acknowledged " + r.getInteractionId() + " was lost in the crash");
      }
    }
    long[] unknownStored = new long[users.count()];
    long[] unknownNew = new long[users.count()];
    int found = 0;
    for (List<Interaction> batch : load.unknown()) {
      List<InteractionResult> results = ingest(client, batch);
      Outcome first = results.get(0).getOutcome();
      assertTrue(first == Outcome.OUTCOME_STORED || first == Outcome.OUTCOME_DUPLICATE, first.toString());
      for (int k = 0; k < batch.size(); k++) {
        assertEquals(first, results.get(k).getOutcome(),
            "trial " + trial + ": a failed batch was stored in part (a batch is one atomic commit): " + results);
        int user = users.indexOf(batch.get(k).getUserId());
        if (first == Outcome.OUTCOME_DUPLICATE) {
          unknownStored[user]++;
          found++;
        } else {
          unknownNew[user]++;
        }
      }
    }
    long[] after = likes(client);
    for (int u = 0; u < users.count(); u++) {
      assertEquals(stored[u] + acked[u] + unknownStored[u], before[u],
          "trial " + trial + ", " + users.id(u) + ": likes counted after the restart");
      stored[u] += acked[u] + unknownStored[u] + unknownNew[u];
      assertEquals(stored[u], after[u], "trial " + trial + ", " + users.id(u) + ": likes counted after resending");
    }
    return found;
  }

  private static List<InteractionResult> ingest(JarClient client, List<Interaction> batch) {
    return client.interactions().ingestInteractions(IngestInteractionsRequest.newBuilder()
        .addAllInteractions(batch).build()).getResultsList();
  }

  /** Each user's stored likes, from the LIKE weight on the user's topic with its decay undone. */
  private long[] likes(JarClient client) {
    long[] counts = new long[users.count()];
    for (int u = 0; u < users.count(); u++) {
      GetProfileResponse profile = client.profiles().getProfile(GetProfileRequest.newBuilder()
          .setUserId(users.id(u)).build());
      Instant readAt = Instant.now();
      if (profile.getTopicsCount() == 0) {
        continue;
      }
      assertEquals(1, profile.getTopicsCount(), users.id(u) + " liked one topic only: " + profile);
      ProfileTopic topic = profile.getTopics(0);
      assertEquals(users.topic(u), topic.getTopicId());
      assertEquals(SignalSource.SIGNAL_SOURCE_LIKE, topic.getSource());
      Instant updated = Instant.ofEpochSecond(topic.getUpdatedAt().getSeconds(), topic.getUpdatedAt().getNanos());
      assertEquals(eventTime, updated, "every like carries the shared event time");
      double halfLives = (double) Duration.between(updated, readAt).toMillis() / LIKE_HALF_LIFE.toMillis();
      double count = topic.getWeight() / Math.pow(0.5, halfLives) / LIKE_SOURCE_WEIGHT;
      long rounded = Math.round(count);
      // reading a few seconds later than the server moves the count by < 1e-5 per hundred likes
      assertEquals(rounded, count, 0.01, users.id(u) + ": weight " + topic.getWeight() + " is not a whole number of likes");
      counts[u] = rounded;
    }
    return counts;
  }
}
