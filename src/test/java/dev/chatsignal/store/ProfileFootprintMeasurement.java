package dev.chatsignal.store;

import dev.chatsignal.store.redis.RedisEndpoint;
import dev.chatsignal.store.redis.RedisProfileRepository;
import dev.chatsignal.testing.RedisProcess;
import dev.chatsignal.testing.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures what one profile costs in each store and how fast Redis applies updates, for
 * docs/scaling.md. Not part of {@code make test} (the name ends in Measurement); run it with
 * {@code make scaling}. Prints one line per figure.
 */
class ProfileFootprintMeasurement {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private static final int USERS = 20_000;

  private static List<ProfileOp> ops(Random random, int topics) {
    List<ProfileOp> ops = new ArrayList<>();
    for (int t = 0; t < topics; t++) {
      SignalSource source = SignalSource.values()[random.nextInt(SignalSource.values().length)];
      ops.add(new ProfileOp(null, List.of(new ProfileOp.Reinforcement(1 + random.nextInt(629), source,
          0.1 + random.nextDouble() * 0.9, T.minusSeconds(random.nextInt(86_400 * 30)).toEpochMilli())), List.of()));
    }
    return ops;
  }

  @Test
  void measure() throws Exception {
    for (int topics : new int[] {16, 64}) {
      rocksDb(topics);
      redis(topics);
    }
    redisThroughput();
  }

  private static void rocksDb(int topics) throws Exception {
    Path dir = Files.createTempDirectory("rocks-footprint-");
    RocksDbStore store = new RocksDbStore(dir, false);
    LocalProfileRepository repository = new LocalProfileRepository(store, DecayPolicy.defaults(), 64);
    Random random = new Random(42);
    for (int u = 0; u < USERS; u += 100) {
      List<UserOps> batch = new ArrayList<>();
      for (int k = u; k < u + 100; k++) {
        batch.add(new UserOps("user-" + k, ops(random, topics)));
      }
      repository.apply(batch, T);
    }
    store.flushForMeasurement();
    long bytes = size(dir);
    int entries = repository.load("user-1").orElseThrow().entries().size();
    print("rocksdb", topics, entries, (double) bytes / USERS);
    repository.close();
  }

  private static void redis(int topics) throws Exception {
    try (RedisProcess redis = RedisProcess.start()) {
      RedisProfileRepository repository = new RedisProfileRepository(RedisEndpoint.parse(redis.uri(),
          Duration.ofSeconds(5)), DecayPolicy.defaults(), 64, Duration.ofDays(7), Duration.ofDays(400));
      long before = usedMemory(redis);
      Random random = new Random(42);
      for (int u = 0; u < USERS; u++) {
        repository.apply(List.of(new UserOps("user-" + u, ops(random, topics))), T);
      }
      long after = usedMemory(redis);
      int entries = repository.load("user-1").orElseThrow().entries().size();
      print("redis", topics, entries, (double) (after - before) / USERS);
      long idBefore = usedMemory(redis);
      for (int i = 0; i < USERS; i++) {
        repository.apply(List.of(new UserOps("user-" + i, List.of(new ProfileOp("interaction-" + i + "-0001",
            List.of(), List.of())))), T);
      }
      System.out.printf(Locale.ROOT, "FOOTPRINT store=redis idempotency_key_bytes=%.0f%n",
          (double) (usedMemory(redis) - idBefore) / USERS);
      repository.close();
    }
  }

  private static void redisThroughput() throws Exception {
    try (RedisProcess redis = RedisProcess.start()) {
      RedisProfileRepository repository = new RedisProfileRepository(RedisEndpoint.parse(redis.uri(),
          Duration.ofSeconds(5)), DecayPolicy.defaults(), 64, Duration.ofDays(7), Duration.ofDays(400));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      int perThread = 5_000;
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          Random random = new Random(thread);
          for (int i = 0; i < perThread; i++) {
            repository.apply(List.of(new UserOps("user-" + random.nextInt(100_000),
                List.of(new ProfileOp(thread + "-" + i, ops(random, 3).stream()
                    .flatMap(op -> op.reinforcements().stream()).toList(), List.of())))), T);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long reads = 0;
      long readStart = System.nanoTime();
      while (System.nanoTime() - readStart < 3_000_000_000L) {
        repository.load("user-" + (reads % 100_000));
        reads++;
      }
      System.out.printf(Locale.ROOT, "THROUGHPUT store=redis apply_ops_per_s=%.0f (8 client threads, 1 redis,"
          + " 3 topics per interaction) load_per_s_single_thread=%.0f%n", 8 * perThread / seconds,
          reads / ((System.nanoTime() - readStart) / 1e9));
      pool.shutdownNow();
      repository.close();
    }
  }

  private static long usedMemory(RedisProcess redis) throws IOException, InterruptedException {
    Tool.Result info = Tool.run(null, Tool.onPath("redis-cli"), "-p", redis.port, "info", "memory");
    for (String line : info.output().split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).strip());
      }
    }
    throw new IllegalStateException("no used_memory in " + info.output());
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".sst")).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void print(String store, int topicsWritten, int entries, double bytesPerProfile) {
    System.out.printf(Locale.ROOT, "FOOTPRINT store=%s topics_written=%d entries_kept=%d bytes_per_profile=%.0f%n",
        store, topicsWritten, entries, bytesPerProfile);
  }

}
