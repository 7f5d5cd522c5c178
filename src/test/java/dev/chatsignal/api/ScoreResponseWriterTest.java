package dev.chatsignal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.policy.Decision;
import dev.chatsignal.policy.Reason;
import dev.chatsignal.scoring.Contribution;
import dev.chatsignal.scoring.ScoreResult;
import dev.chatsignal.scoring.ScoredItem;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.Topic;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.TopicContribution;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: the codec's response bytes are the bytes of the response ScoringGrpcService built
 * with the generated builders before the codec (kept below as the oracle), whichever way grpc reads them.
 */
class ScoreResponseWriterTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final int[] TOPIC_IDS = TAXONOMY.all().stream().mapToInt(Topic::id).toArray();
  private static final Versions VERSIONS =
      new Versions("policy-2025-12-16.1", TAXONOMY.version(), "lexicon-v1+affinity-v1");
  private static final List<String> TEXTS = List.of("", "a", "Because you chatted about Hiking & Camping this week",
      "bötas-🥾", "日本語のアイテム", "x".repeat(300));

  private final Random random = new Random(20251216);

  /** Every way grpc takes the stream in, each on a fresh stream: all must give {@code expected}. */
  private static void assertStreamsAs(byte[] expected, MethodDescriptor.Marshaller<ScoreResult> responses,
      ScoreResult result, Random random) throws IOException {
    String hex = HexFormat.of().formatHex(expected);
    InputStream drained = responses.stream(result);
    assertInstanceOf(KnownLength.class, drained);
    assertEquals(expected.length, drained.available(), hex);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    assertEquals(expected.length, ((Drainable) drained).drainTo(sink));
    assertArrayEquals(expected, sink.toByteArray(), hex);
    assertEquals(0, drained.available());

    InputStream whole = responses.stream(result);
    byte[] buffer = new byte[expected.length + 8];
    int read = whole.read(buffer, 3, expected.length + 5);
    assertEquals(expected.length == 0 ? -1 : expected.length, read);
    assertArrayEquals(expected, Arrays.copyOfRange(buffer, 3, 3 + expected.length), hex);
    assertEquals(-1, whole.read());

    InputStream pieces = responses.stream(result);
    ByteArrayOutputStream collected = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 + random.nextInt(Math.max(1, expected.length))];
    for (int n = pieces.read(chunk, 0, chunk.length); n != -1; n = pieces.read(chunk, 0, chunk.length)) {
      collected.write(chunk, 0, n);
    }
    assertArrayEquals(expected, collected.toByteArray(), hex);
  }

  @Test
  void randomResults_areWrittenAsTheGeneratedBuildersWriteThem() throws IOException {
    List<Versions> versions = List.of(VERSIONS, new Versions("", "", ""), new Versions("pölicy-✓", "t", ""));
    int explained = 0;
    for (Versions v : versions) {
      var responses = ScoreCandidatesCodec.method(TAXONOMY, v).getResponseMarshaller();
      for (int i = 0; i < 1000; i++) {
        ScoreResult result = randomResult(random.nextInt(12));
        explained += result.items().stream().anyMatch(item -> !item.explanation().isEmpty()) ? 1 : 0;
        assertStreamsAs(generated(result, TAXONOMY, v).toByteArray(), responses, result, random);
      }
    }
    assertTrue(explained > 1000, explained + " of 3000 results had explanations");
  }

  @Test
  void minusZero_isWritten_zeroIsNot_asInGeneratedCode() throws IOException {
    var responses = ScoreCandidatesCodec.method(TAXONOMY, VERSIONS).getResponseMarshaller();
    byte[][] written = new byte[2][];
    double[] zeros = {0.0, -0.0};
    for (int z = 0; z < 2; z++) {
      Contribution c = new Contribution(Protos.BOOTS, SignalSource.CHAT, zeros[z], Protos.HIKING, "default", false);
      ScoreResult result = new ScoreResult(
          List.of(new ScoredItem("i", zeros[z], true, Reason.PERSONALIZED, List.of(c))), Decision.PERSONALIZE);
      written[z] = responses.stream(result).readAllBytes();
      assertArrayEquals(generated(result, TAXONOMY, VERSIONS).toByteArray(), written[z]);
      var item = ScoreCandidatesResponse.parseFrom(written[z]).getItems(0);
      assertEquals(Double.doubleToRawLongBits(zeros[z]), Double.doubleToRawLongBits(item.getScore()));
      double amount = item.getExplanation(0).getContribution();
      assertEquals(Double.doubleToRawLongBits(zeros[z]), Double.doubleToRawLongBits(amount));
    }
    assertEquals(written[0].length + 2 * 9, written[1].length, "-0.0 adds a tag and 8 bytes for score and amount");
  }

  @Test
  void a500ItemExplainedResult_drainsAndReadsInFullThroughSmallBuffers() throws IOException {
    ScoreResult result = randomResult(500);
    byte[] expected = generated(result, TAXONOMY, VERSIONS).toByteArray();
    assertTrue(expected.length > 8 * 4096, expected.length + " bytes");
    assertStreamsAs(expected, ScoreCandidatesCodec.method(TAXONOMY, VERSIONS).getResponseMarshaller(), result, random);
  }

  private ScoreResult randomResult(int items) {
    List<ScoredItem> out = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      List<Contribution> explanation = new ArrayList<>();
      for (int k = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3); k > 0; k--) {
        SignalSource source = random.nextInt(5) == 0 ? null : pick(SignalSource.values());
        String app = pick(new String[] {null, "", "default", "instagram", "äpp.日本"});
        explanation.add(new Contribution(topicId(), source, number(), topicId(), app, random.nextBoolean()));
      }
      Reason reason = pick(Reason.values());
      out.add(new ScoredItem(pick(TEXTS.toArray(new String[0])) + i, number(), random.nextBoolean(), reason,
          explanation, pick(TEXTS.toArray(new String[0]))));
    }
    Reason reason = pick(Reason.values());
    return new ScoreResult(out, reason == Reason.PERSONALIZED ? Decision.PERSONALIZE : Decision.fallback(reason));
  }

  /** A known topic mostly; else 0, a negative id or one past the taxonomy (path "?"). */
  private int topicId() {
    return random.nextInt(10) == 0 ? new int[] {0, -3, TAXONOMY.maxId() + 1, 100_000}[random.nextInt(4)]
        : TOPIC_IDS[random.nextInt(TOPIC_IDS.length)];
  }

  /** Finite scores and amounts: zeros of both signs, extremes, subnormals, ordinary values. */
  private double number() {
    return new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 1e-300, 0.5, -0.25,
        random.nextGaussian()}[random.nextInt(8)];
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** ScoringGrpcService's response before the codec (commit c2514bc), built with the generated builders. */
  static ScoreCandidatesResponse generated(ScoreResult result, Taxonomy taxonomy, Versions versions) {
    ScoreCandidatesResponse.Builder out = ScoreCandidatesResponse.newBuilder()
        .setPersonalized(result.decision().personalize())
        .setReason(ProtoEnums.reason(result.decision().reason()))
        .setPolicyVersion(versions.policy())
        .setTaxonomyVersion(versions.taxonomy())
        .setClassifierVersion(versions.classifier());
    List<dev.chatsignal.v1.ScoredItem> items = new ArrayList<>(result.items().size());
    for (ScoredItem item : result.items()) {
      dev.chatsignal.v1.ScoredItem.Builder b = dev.chatsignal.v1.ScoredItem.newBuilder()
          .setItemId(item.itemId())
          .setScore(item.score())
          .setPersonalized(item.personalized())
          .setReason(ProtoEnums.reason(item.reason()))
          .setSummary(item.summary());
      for (Contribution c : item.explanation()) {
        b.addExplanation(TopicContribution.newBuilder()
            .setTopicId(c.topicId())
            .setPath(taxonomy.pathOf(c.topicId()))
            .setSource(ProtoEnums.source(c.source()))
            .setApp(c.app() == null ? "" : c.app())
            .setNoise(c.noise())
            .setContribution(c.amount())
            .setProfileTopicId(c.profileTopicId())
            .setProfileTopicPath(taxonomy.pathOf(c.profileTopicId())));
      }
      items.add(b.build());
    }
    out.addAllItems(items);
    return out.build();
  }
}
