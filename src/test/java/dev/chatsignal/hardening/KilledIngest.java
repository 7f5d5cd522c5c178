package dev.chatsignal.hardening;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.InteractionResult;
import dev.chatsignal.v1.Outcome;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One crash trial's load: {@link #CLIENTS} threads, each on its own channel, send batches of 1–20 LIKE
 * engagements with ids unique across the run, until the {@code killAfter}-th acknowledged batch; the
 * thread that receives it sends SIGKILL to the server while the other threads have calls in flight.
 *
 * <p>The kill is triggered by a count of acknowledgements, not by a timer, so that the moment is random
 * (seeded) yet needs no sleep. The flag is set before the signal, so a call that fails while the flag is
 * still clear failed for another reason ({@link Result#failuresBeforeKill}).
 */
final class KilledIngest {
  static final int CLIENTS = 4;
  static final int MAX_BATCH = 20;
  /** Bound on each thread's batches, so that the loop ends even if the kill never came. */
  private static final int MAX_BATCHES_PER_CLIENT = 2_000;

  /** Batches acknowledged OK (every result STORED) and batches whose call failed (outcome unknown). */
  record Result(List<List<Interaction>> acknowledged, List<List<Interaction>> unknown,
      List<String> failuresBeforeKill, List<String> unexpectedOutcomes, List<Status.Code> killCodes) {}

  private final CrashUsers users;
  private final Instant eventTime;

  KilledIngest(CrashUsers users, Instant eventTime) {
    this.users = users;
    this.eventTime = eventTime;
  }

  Result run(JarProcess jar, String idPrefix, int killAfter, Random random) throws InterruptedException {
    List<List<Interaction>> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<List<Interaction>> unknown = Collections.synchronizedList(new ArrayList<>());
    List<String> failuresBeforeKill = Collections.synchronizedList(new ArrayList<>());
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    List<Status.Code> killCodes = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger acks = new AtomicInteger();
    ProcessHandle server = ProcessHandle.of(jar.pid()).orElseThrow();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Random own = new Random(random.nextLong());
      String prefix = idPrefix + "-c" + c + "-";
      Thread t = new Thread(() -> {
        try (JarClient client = new JarClient(jar)) {
          for (int b = 0; b < MAX_BATCHES_PER_CLIENT && !killed.get(); b++) {
            List<Interaction> batch = batch(prefix + b + "-", own);
            try {
              IngestInteractionsResponse r = client.interactions()
                  .ingestInteractions(IngestInteractionsRequest.newBuilder().addAllInteractions(batch).build());
              for (InteractionResult result : r.getResultsList()) {
                if (result.getOutcome() != Outcome.OUTCOME_STORED) {
                  unexpected.add(result.getInteractionId() + " " + result.getOutcome() + " " + result.getDetail());
                }
              }
              acknowledged.add(batch);
              if (acks.incrementAndGet() == killAfter) {
                killed.set(true);
                server.destroyForcibly();
              }
            } catch (StatusRuntimeException e) {
              unknown.add(batch);
              if (killed.get()) {
                killCodes.add(e.getStatus().getCode());
              } else {
                failuresBeforeKill.add(e.getStatus().toString());
              }
              return;
            }
          }
        }
      }, "crash-client-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(120));
      if (t.isAlive()) {
        throw new IllegalStateException(t.getName() + " still running 120 s after start");
      }
    }
    server.destroyForcibly();
    try {
      server.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("server pid " + jar.pid() + " did not die after SIGKILL", e);
    }
    return new Result(List.copyOf(acknowledged), List.copyOf(unknown), List.copyOf(failuresBeforeKill),
        List.copyOf(unexpected), List.copyOf(killCodes));
  }

  private List<Interaction> batch(String idPrefix, Random random) {
    int n = 1 + random.nextInt(MAX_BATCH);
    List<Interaction> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int user = random.nextInt(users.count());
      batch.add(Protos.engagement(idPrefix + i, users.id(user), "US", eventTime, EngagementKind.ENGAGEMENT_KIND_LIKE,
          users.topic(user)));
    }
    return batch;
  }
}
