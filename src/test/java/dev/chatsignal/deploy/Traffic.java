package dev.chatsignal.deploy;

import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.threeAds;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A little of every kind of call against a running jar, so that its lazily created series (per method
 * and status, per cache result) exist before the metrics are compared with the dashboard and alerts.
 */
final class Traffic {
  private Traffic() {}

  /** Ingests a stored and a withheld chat, scores personalized and fallback requests, sends a bad one. */
  static ScoreCandidatesResponse drive(JarProcess jar) throws InterruptedException {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", jar.grpcPort).usePlaintext().build();
    try {
      Instant at = Instant.now().minusSeconds(600);
      InteractionServiceGrpc.newBlockingStub(channel).ingestInteractions(batch(
          chat("ops-1", "sre", "US", at, HIKING_CHAT),
          chat("ops-2", "sre", "US", at, "As a diabetic, which hiking snacks should I pack?")));
      var scoring = ScoringServiceGrpc.newBlockingStub(channel);
      ScoreCandidatesResponse personalized = scoring.scoreCandidates(threeAds("sre", "US").build());
      scoring.scoreCandidates(threeAds("sre", "").build());
      try {
        scoring.scoreCandidates(ScoreCandidatesRequest.newBuilder().setUserId("sre").build());
      } catch (StatusRuntimeException expected) {
        // INVALID_ARGUMENT: gives the error-rate panels a non-OK series.
      }
      return personalized;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Sample names in a scrape of {@code /metrics} ({@code name} before labels or value). */
  static Set<String> scrapedNames(JarProcess jar) throws Exception {
    HttpResponse<String> r = jar.http("/metrics");
    Set<String> names = new TreeSet<>();
    r.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
        .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
    return names;
  }
}
