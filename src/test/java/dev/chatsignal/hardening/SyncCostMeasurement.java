package dev.chatsignal.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.IngestInteractionsRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code CHATSIGNAL_STORE_SYNC=true} (fsync of the write-ahead log before each ingest is
 * acknowledged) costs against {@code false}, on the real jar: latency of one client's sequential
 * batches of 1 and of 20 likes, and the throughput of {@link #CLIENTS} concurrent clients. A
 * measurement run on demand for docs/durability.md, not a timed test: it prints SYNCCOST lines and
 * asserts only that every interaction was stored.
 *
 * <p>It runs only with {@code -Dchatsignal.synccost=true}, so that a pattern such as
 * {@code -Dit.test='dev.chatsignal.hardening.**'} does not pick it up:
 *
 * <pre>mvn -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SyncCostMeasurement \
 *     -Dchatsignal.synccost=true</pre>
 */
@EnabledIfSystemProperty(named = "chatsignal.synccost", matches = "true")
class SyncCostMeasurement {
  private static final int CLIENTS = 4;
  private static final int SEQUENTIAL_CALLS = Integer.getInteger("chatsignal.synccost.calls", 400);
  private static final int CONCURRENT_CALLS_PER_CLIENT = Integer.getInteger("chatsignal.synccost.calls", 400);
  private static final Instant AT = Instant.now().minusSeconds(60);

  @TempDir
  Path temp;

  @Test
  void syncTrue_vs_syncFalse() throws Exception {
    System.out.println("SYNCCOST data dir " + temp + " on " + Files.getFileStore(temp).type() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores");
    for (int round = 0; round < 2; round++) {
      for (boolean sync : List.of(true, false)) {
        measure(sync, round);
      }
    }
  }

  private void measure(boolean sync, int round) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("sync-" + sync + "-" + round));
    try (JarProcess jar = JarProcess.start(Map.of("CHATSIGNAL_DATA_DIR", dir.toString(),
        "CHATSIGNAL_STORE_SYNC", Boolean.toString(sync)))) {
      try (JarClient client = new JarClient(jar)) {
        sequential(client, "warm", 1, 200);
        for (int size : List.of(1, 20)) {
          long[] nanos = sequential(client, "seq" + size, size, SEQUENTIAL_CALLS);
          Arrays.sort(nanos);
          System.out.printf("SYNCCOST round=%d sync=%s batch=%d sequential calls=%d p50=%.2fms p99=%.2fms "
              + "mean=%.2fms%n", round, sync, size, nanos.length, nanos[nanos.length / 2] / 1e6,
              nanos[nanos.length * 99 / 100] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
        }
      }
      concurrent(jar, sync, round);
      assertEquals(0, jar.terminate());
    }
  }

  private static long[] sequential(JarClient client, String prefix, int size, int calls) {
    long[] nanos = new long[calls];
    var stub = client.interactions();
    for (int c = 0; c < calls; c++) {
      IngestInteractionsRequest request = batch(prefix + "-" + c, size);
      long start = System.nanoTime();
      int accepted = stub.ingestInteractions(request).getAccepted();
      nanos[c] = System.nanoTime() - start;
      assertEquals(size, accepted);
    }
    return nanos;
  }

  private static void concurrent(JarProcess jar, boolean sync, int round) throws InterruptedException {
    int size = 10;
    AtomicLong stored = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < CLIENTS; t++) {
      String prefix = "conc-" + t;
      Thread thread = new Thread(() -> {
        try (JarClient client = new JarClient(jar)) {
          var stub = client.interactions();
          for (int c = 0; c < CONCURRENT_CALLS_PER_CLIENT; c++) {
            stored.addAndGet(stub.ingestInteractions(batch(prefix + "-" + c, size)).getAccepted());
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals((long) CLIENTS * CONCURRENT_CALLS_PER_CLIENT * size, stored.get());
    System.out.printf("SYNCCOST round=%d sync=%s concurrent clients=%d batch=%d calls=%d interactions/s=%.0f "
        + "calls/s=%.0f%n", round, sync, CLIENTS, size, CLIENTS * CONCURRENT_CALLS_PER_CLIENT,
        stored.get() / seconds, CLIENTS * CONCURRENT_CALLS_PER_CLIENT / seconds);
  }

  private static IngestInteractionsRequest batch(String prefix, int size) {
    IngestInteractionsRequest.Builder b = IngestInteractionsRequest.newBuilder();
    for (int i = 0; i < size; i++) {
      b.addInteractions(Protos.engagement(prefix + "-" + i, "sync-user-" + (i % 50), "US", AT,
          EngagementKind.ENGAGEMENT_KIND_LIKE, Protos.HIKING));
    }
    return b.build();
  }
}
