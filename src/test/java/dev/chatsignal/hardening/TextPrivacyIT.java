package dev.chatsignal.hardening;

import dev.chatsignal.testing.RawIngest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ChatTurn;
import dev.chatsignal.v1.ClassifyTextRequest;
import dev.chatsignal.v1.DeleteProfileRequest;
import dev.chatsignal.v1.DeleteScope;
import dev.chatsignal.v1.Engagement;
import dev.chatsignal.v1.EngagementKind;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.Modality;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.SuppressTopicRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat, candidate and context text never leaves the request: the real jar is driven through every
 * rpc, including rejections, invalid arguments, withheld chats, ClassifyText, an unauthenticated call,
 * a request that is not valid UTF-8 and one over the message size limit, with a unique marker word in
 * every text; the marker must then be absent from every response, status and trailer, from the
 * process output (all its logging goes to stdout/stderr), from /metrics, and from every byte of the
 * RocksDB directory after a clean SIGTERM.
 *
 * <p>Why raw bytes are a meaningful search: chatsignal stores only topic ids and weights, and the
 * strings it does store (user and interaction ids, in keys) sit in the data directory in the clear,
 * which the test checks with the user id as a positive control. The writes of a short run stay in the
 * write-ahead log, which RocksDB does not compress, and a closing RocksDB does not flush them into
 * (Snappy-compressed) SST files; should a future version flush, the user-id control still shows
 * whether stored strings remain visible. A second control plants the marker in a file of binary
 * bytes to show that the scan finds it.
 */
class TextPrivacyIT {
  private static final String TOKEN = "privacy-test-token";
  private static final Instant AT = Instant.now().minusSeconds(600);

  @TempDir
  Path dataDir;

  @TempDir
  Path controlDir;

  private final MarkerScan scan = new MarkerScan();
  private final String user = "privacy-user-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
  private final List<String> seen = new ArrayList<>();
  private final List<Status.Code> codes = new ArrayList<>();

  @Test
  void markerInEveryText_appearsInNoResponseLogMetricOrStoredByte() throws Exception {
    String m = scan.marker;
    Map<String, String> env = Map.of("CHATSIGNAL_DATA_DIR", dataDir.toString(), "CHATSIGNAL_ADMIN_TOKEN", TOKEN);
    String metrics;
    try (JarProcess jar = JarProcess.start(env)) {
      try (JarClient client = new JarClient(jar)) {
        ingestEveryOutcome(client, m);
        scoreEveryWay(client, m);
        profilesAndTopics(client, m);
        malformedOnTheWire(client, m);
        assertEquals(200, client.http("/healthz").statusCode());
        metrics = client.http("/metrics").body();
      }
      assertEquals(0, ProcessOutput.sigterm(jar, java.time.Duration.ofSeconds(60)));
      String output = jar.output();
      assertFalse(scan.in(output), "the process output holds the marker:\n" + output);
    }
    System.out.println("PRIVACY calls=" + seen.size() + " failed with " + codes);
    assertTrue(codes.contains(Status.Code.INVALID_ARGUMENT) && codes.contains(Status.Code.UNAUTHENTICATED)
        && codes.contains(Status.Code.RESOURCE_EXHAUSTED), "the error paths were taken: " + codes);
    assertTrue(metrics.contains("chatsignal_ingest_interactions_total"), "the scrape worked");
    assertFalse(scan.in(metrics), "a metric holds the marker");
    for (String s : seen) {
      assertFalse(scan.in(s), "a response or status holds the marker: " + s);
    }
    assertEquals(List.of(), scan.filesContaining(dataDir), "stored bytes hold the marker");
    List<Path> userIdIn = MarkerScan.filesContaining(dataDir, user);
    System.out.println("PRIVACY data files " + listing(dataDir) + ", user id found in " + userIdIn);
    assertFalse(userIdIn.isEmpty(), "control: the stored user id is visible in the raw bytes of the data dir");
    Path planted = controlDir.resolve("000001.log");
    Files.write(planted, concat(new byte[] {0, 1, (byte) 0xff, 7}, m.toUpperCase().getBytes(StandardCharsets.UTF_8),
        new byte[] {0, 2}));
    assertEquals(List.of(planted), scan.filesContaining(controlDir), "control: the scan finds a planted marker");
  }

  private void ingestEveryOutcome(JarClient client, String m) {
    var stub = client.interactions();
    var r = call(() -> stub.ingestInteractions(IngestInteractionsRequest.newBuilder()
        .addInteractions(Protos.chat("p-stored", user, "US", AT, Protos.HIKING_CHAT + " " + m))
        .addInteractions(voice("p-voice", AT, "hiking boots for the trail " + m))
        .addInteractions(Protos.chat("p-sensitive", user, "US", AT, "I was diagnosed with depression " + m))
        .addInteractions(Protos.chat("p-religion", user, "US", AT, "which church should I attend on sunday " + m))
        .addInteractions(Protos.chat("p-region", user, "DE", AT, Protos.HIKING_CHAT + " " + m))
        .addInteractions(Protos.chat("p-early", user, "US", Instant.parse("2025-01-01T00:00:00Z"), "hiking " + m))
        .addInteractions(Protos.chat("p-long", user, "US", AT, (m + " ").repeat(400)))
        .addInteractions(Protos.chat("p-future", user, "US", Instant.now().plusSeconds(86_400), "hiking " + m))
        .addInteractions(engagementWithText("p-text", "hiking backpack review " + m, 0))
        .addInteractions(engagementWithText("p-badtopic", "laptop " + m, 99_999))
        .addInteractions(engagementWithText("p-sick", "cancer treatment options " + m, 0))
        .build()));
    assertEquals(Outcome.OUTCOME_STORED, r.getResults(0).getOutcome(), r.toString());
    assertEquals(Outcome.OUTCOME_WITHHELD_SENSITIVE, r.getResults(2).getOutcome(), r.toString());
    assertEquals(Outcome.OUTCOME_WITHHELD_REGION, r.getResults(4).getOutcome(), r.toString());
    assertEquals(Outcome.OUTCOME_WITHHELD_BEFORE_EFFECTIVE_DATE, r.getResults(5).getOutcome(), r.toString());
    assertEquals(Outcome.OUTCOME_REJECTED, r.getResults(6).getOutcome(), r.toString());
    assertEquals(Outcome.OUTCOME_REJECTED, r.getResults(9).getOutcome(), r.toString());
    call(() -> stub.ingestInteractions(Protos.batch(Protos.chat("p-stored", user, "US", AT, "retry " + m))));
    call(() -> stub.ingestInteractions(IngestInteractionsRequest.getDefaultInstance()));
  }

  private void scoreEveryWay(JarClient client, String m) {
    var stub = client.scoring();
    for (Surface surface : List.of(Surface.SURFACE_FEED, Surface.SURFACE_ADS)) {
      call(() -> stub.scoreCandidates(scoreRequest(surface, m, "hiking trails " + m).build()));
    }
    call(() -> stub.scoreCandidates(scoreRequest(Surface.SURFACE_FEED, m, "my depression got worse " + m).build()));
    call(() -> stub.scoreCandidates(scoreRequest(Surface.SURFACE_ADS, m, "")
        .setContext(RequestContext.newBuilder().setText("vote in the election " + m).setSensitive(true)).build()));
    call(() -> stub.scoreCandidates(scoreRequest(Surface.SURFACE_FEED, m, (m + " ").repeat(400)).build()));
    call(() -> stub.scoreCandidates(scoreRequest(Surface.SURFACE_FEED, m, "")
        .addCandidates(Candidate.newBuilder().setItemId("too-long").setKind(ItemKind.ITEM_KIND_POST)
            .setText((m + " ").repeat(400))).build()));
    call(() -> stub.scoreCandidates(scoreRequest(Surface.SURFACE_FEED, m, "")
        .addCandidates(Candidate.newBuilder().setItemId("bad-prior").setKind(ItemKind.ITEM_KIND_POST)
            .setText("boots " + m).setPrior(Double.NaN)).build()));
    call(() -> stub.scoreCandidates(scoreRequest(Surface.SURFACE_UNSPECIFIED, m, "hiking " + m).build()));
  }

  private void profilesAndTopics(JarClient client, String m) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + TOKEN);
    var profiles = client.profiles().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    GetProfileRequest get = GetProfileRequest.newBuilder().setUserId(user).build();
    assertTrue(call(() -> profiles.getProfile(get)).getTopicsCount() > 0, "the clean chat built a profile");
    call(() -> client.profiles().getProfile(get));
    call(() -> profiles.suppressTopic(SuppressTopicRequest.newBuilder().setUserId(user).setTopicId(Protos.BOOTS)
        .setDuration(Duration.newBuilder().setSeconds(3600)).build()));
    call(() -> profiles.suppressTopic(SuppressTopicRequest.newBuilder().setUserId(user).setTopicId(Protos.BOOTS)
        .build()));
    call(() -> profiles.deleteProfile(DeleteProfileRequest.newBuilder().setUserId(user)
        .setScope(DeleteScope.DELETE_SCOPE_CHAT_ONLY).build()));
    call(() -> profiles.getProfile(get));
    var topics = client.topics();
    call(() -> topics.listTopics(ListTopicsRequest.getDefaultInstance()));
    for (String text : List.of("hiking in the Rockies " + m, "my therapist and my diagnosis " + m, m,
        (m + " ").repeat(400), " ")) {
      call(() -> topics.classifyText(ClassifyTextRequest.newBuilder().setText(text).build()));
    }
    var health = HealthGrpc.newBlockingStub(client.channel);
    call(() -> health.check(HealthCheckRequest.newBuilder().setService("chatsignal.v1.NoSuchService").build()));
    call(() -> health.check(HealthCheckRequest.getDefaultInstance()));
  }

  /** A chat text that is not valid UTF-8, and one over the 4 MiB message limit, both with the marker. */
  private void malformedOnTheWire(JarClient client, String m) {
    byte[] wire = Protos.batch(Protos.chat("p-utf8", user, "US", AT, "hiking " + m + "#")).toByteArray();
    byte[] hash = "#".getBytes(StandardCharsets.UTF_8);
    wire[MarkerScan.indexOf(wire, hash)] = (byte) 0xff;
    call(() -> RawIngest.send(client.channel, wire));
    String huge = (m + " ").repeat(5 * 1024 * 1024 / (m.length() + 1));
    call(() -> client.interactions().ingestInteractions(Protos.batch(Protos.chat("p-huge", user, "US", AT, huge))));
  }

  private ScoreCandidatesRequest.Builder scoreRequest(Surface surface, String m, String context) {
    return ScoreCandidatesRequest.newBuilder().setUserId(user).setCountry("US").setAgeBand(AgeBand.AGE_BAND_ADULT)
        .setSurface(surface).setExplain(true).setContext(RequestContext.newBuilder().setText(context))
        .addCandidates(Candidate.newBuilder().setItemId("boots").setKind(ItemKind.ITEM_KIND_AD)
            .setText("waterproof hiking boots " + m).setPrior(0.3))
        .addCandidates(Candidate.newBuilder().setItemId("untagged").setKind(ItemKind.ITEM_KIND_POST)
            .setText(m).setPrior(0.1))
        .addCandidates(Protos.candidate("laptop", ItemKind.ITEM_KIND_AD, 0.5, Protos.LAPTOPS));
  }

  private Interaction voice(String id, Instant at, String text) {
    return Interaction.newBuilder().setInteractionId(id).setUserId(user).setCountry("US").setEventTime(Protos.ts(at))
        .setChat(ChatTurn.newBuilder().setText(text).setModality(Modality.MODALITY_VOICE)
            .setConversationId("conv-1")).build();
  }

  private Interaction engagementWithText(String id, String text, int topic) {
    Engagement.Builder e = Engagement.newBuilder().setKind(EngagementKind.ENGAGEMENT_KIND_LIKE).setItemId("item-" + id)
        .setItemKind(ItemKind.ITEM_KIND_POST).setText(text);
    if (topic != 0) {
      e.addTopics(Protos.topic(topic, 1));
    }
    return Interaction.newBuilder().setInteractionId(id).setUserId(user).setCountry("US").setEventTime(Protos.ts(AT))
        .setEngagement(e).build();
  }

  /** Runs a call and keeps what came back (response, or status with description and trailers). */
  private <T extends Message> T call(Supplier<T> rpc) {
    try {
      T response = rpc.get();
      seen.add(response.toString());
      return response;
    } catch (StatusRuntimeException e) {
      Status s = e.getStatus();
      codes.add(s.getCode());
      seen.add(s + " " + e.getTrailers() + " " + e.getMessage());
      return null;
    }
  }

  private static List<String> listing(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
