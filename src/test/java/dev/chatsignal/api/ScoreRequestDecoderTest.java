package dev.chatsignal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import dev.chatsignal.scoring.ScoreRequest;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.testing.RandomScoreRequests;
import dev.chatsignal.testing.WireBytes;
import dev.chatsignal.testing.WireScrambler;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.Topic;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.TopicWeight;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: request bytes decoded by the codec come to the same domain request, or the same
 * INVALID_ARGUMENT, or are unparseable exactly when, as through protobuf-java's generated parser and the
 * mapping before the codec ({@link ScoreRequestPaths}).
 */
class ScoreRequestDecoderTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final RequestLimits LIMITS = new RequestLimits(1000, RandomScoreRequests.MAX_CANDIDATES,
      RandomScoreRequests.MAX_TEXT_CHARS, RandomScoreRequests.MAX_TOPICS);
  private static final int[] TOPIC_IDS = TAXONOMY.all().stream().mapToInt(Topic::id).toArray();

  private final ScoreRequestPaths paths = new ScoreRequestPaths(TAXONOMY, LIMITS);

  /** Both paths agree on {@code bytes}; returns the outcome. */
  private RequestOutcome same(byte[] bytes, boolean knownLength) {
    RequestOutcome expected = paths.generated(bytes);
    RequestOutcome actual = paths.codec(bytes, knownLength);
    assertEquals(expected, actual, () -> "bytes " + HexFormat.of().formatHex(bytes));
    return actual;
  }

  private RequestOutcome same(byte[] bytes) {
    return same(bytes, true);
  }

  @Test
  void randomRequests_inAnyWireForm_comeToWhatTheGeneratedParserAndOldMappingGive() {
    Random random = new Random(20251216);
    RandomScoreRequests requests = new RandomScoreRequests(random, TOPIC_IDS);
    WireScrambler scrambler = new WireScrambler(random);
    int ok = 0;
    int invalid = 0;
    int reshaped = 0;
    Set<String> brokenRules = new TreeSet<>();
    for (int i = 0; i < 2000; i++) {
      ScoreCandidatesRequest request = requests.next();
      byte[] canonical = request.toByteArray();
      byte[] scrambled = scrambler.scramble(request);
      reshaped += Arrays.equals(canonical, scrambled) ? 0 : 1;
      byte[] merged = WireBytes.concat(requests.next().toByteArray(), scrambled); // two messages' bytes merge
      for (byte[] bytes : List.of(canonical, scrambled, merged)) {
        RequestOutcome outcome = same(bytes, i % 2 == 0);
        ok += outcome.ok() ? 1 : 0;
        if (outcome.invalidArgument() != null) {
          invalid++;
          brokenRules.add(outcome.invalidArgument().replaceAll("\\[\\d+]", "[]").replaceAll(":.*", ""));
        }
      }
    }
    assertTrue(ok > 1000 && invalid > 1000, ok + " ok, " + invalid + " invalid of 6000");
    assertTrue(reshaped > 1000, reshaped + " of 2000 scrambled forms differ from the canonical one");
    assertEquals(new TreeSet<>(List.of("age_band", "age_years", "app", "candidates", "candidates[].item_id",
        "candidates[].kind", "candidates[].prior", "candidates[].text", "candidates[].topics",
        "candidates[].topics[].topic_id", "candidates[].topics[].weight", "context.text", "limit", "linked_apps",
        "linked_apps[]", "surface", "user_id")), brokenRules, "every rule was broken by some request");
  }

  @Test
  void corruptedBytes_areUnparseableExactlyWhenTheGeneratedParserSaysSo() {
    Random random = new Random(7);
    RandomScoreRequests requests = new RandomScoreRequests(random, TOPIC_IDS);
    WireScrambler scrambler = new WireScrambler(random);
    int unparseable = 0;
    int parsed = 0;
    for (int i = 0; i < 1000; i++) {
      byte[] bytes = scrambler.scramble(requests.next());
      for (int k = 0; k < 3; k++) {
        byte[] truncated = Arrays.copyOf(bytes, random.nextInt(bytes.length));
        byte[] replaced = bytes.clone();
        replaced[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        for (byte[] corrupt : List.of(truncated, replaced)) {
          boolean bad = same(corrupt, random.nextBoolean()).unparseable();
          unparseable += bad ? 1 : 0;
          parsed += bad ? 0 : 1;
        }
      }
    }
    assertTrue(unparseable > 1000 && parsed > 1000, unparseable + " unparseable, " + parsed + " parsed");
  }

  @Test
  void invalidUtf8_inAnyStringField_isUnparseable_butNotInAnUnknownField() {
    ScoreCandidatesRequest request = Protos.threeAds("u1", "US").setApp("instagram").addLinkedApps("facebook")
        .setContext(RequestContext.newBuilder().setText("a quiet hike"))
        .setCandidates(0, Protos.candidate("ad-laptop", ItemKind.ITEM_KIND_AD, 0.5).toBuilder().setText("laptop"))
        .build();
    assertTrue(same(request.toByteArray()).ok());
    List<FieldDescriptor> strings = Stream.of(ScoreCandidatesRequest.getDescriptor(), Candidate.getDescriptor(),
            RequestContext.getDescriptor())
        .flatMap(d -> d.getFields().stream()).filter(f -> f.getType() == FieldDescriptor.Type.STRING).toList();
    assertEquals(7, strings.size(), strings.toString());
    Random random = new Random(3);
    for (FieldDescriptor field : strings) {
      for (int i = 0; i < 20; i++) {
        byte[] bytes = new WireScrambler(random).invalidUtf8(field).scramble(request);
        assertTrue(same(bytes).unparseable(), field.getFullName());
      }
    }
    byte[] unknownNotUtf8 = WireBytes.of(out -> out.writeByteArray(12, new byte[] {(byte) 0xc3, 0x28}));
    assertTrue(same(WireBytes.concat(request.toByteArray(), unknownNotUtf8)).ok());
  }

  @Test
  void scalarsSentTwice_keepTheLastValue_andContextOccurrencesMerge() {
    byte[] bytes = WireBytes.of(out -> {
      out.writeString(1, "first");
      out.writeEnum(4, 2);
      out.writeByteArray(6, WireBytes.of(c -> c.writeString(1, "the context")));
      out.writeByteArray(5, WireBytes.of(c -> {
        c.writeString(1, "item");
        c.writeDouble(5, 0.25);
        c.writeEnum(2, 3);
        c.writeByteArray(3, WireBytes.of(t -> {
          t.writeInt32(1, Protos.BOOTS);
          t.writeFloat(2, 0.5f);
          t.writeFloat(2, 0.75f);
        }));
        c.writeDouble(5, -0.0);
      }));
      out.writeString(1, "second");
      out.writeByteArray(6, WireBytes.of(c -> c.writeBool(2, true)));
      out.writeEnum(4, 1);
    });
    ScoreRequest r = same(bytes).request();
    assertEquals("second", r.userId());
    assertEquals(dev.chatsignal.policy.Surface.FEED, r.surface());
    assertEquals("the context", r.contextText());
    assertTrue(r.contextSensitive());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.candidates().get(0).prior()));
    assertEquals(0.75, r.candidates().get(0).topics().get(0).weight());
  }

  @Test
  void aKnownFieldNumberWithAnotherWireType_isAnUnknownField() {
    byte[] valid = Protos.threeAds("u1", "US").build().toByteArray();
    byte[] userIdAsVarint = WireBytes.of(out -> out.writeUInt64(1, 7));
    byte[] noUserId = Protos.threeAds("", "US").build().toByteArray();
    assertEquals("user_id: '' (expected: a non-empty id)",
        same(WireBytes.concat(userIdAsVarint, noUserId)).invalidArgument());
    assertTrue(same(WireBytes.concat(valid, userIdAsVarint)).ok());
    byte[] surfaceAsBytes = WireBytes.of(out -> out.writeByteArray(4, new byte[] {1}));
    byte[] candidatesAsFixed32 = WireBytes.of(out -> out.writeFixed32(5, 1));
    byte[] contextAsGroup = WireBytes.of(out -> {
      out.writeTag(6, WireFormat.WIRETYPE_START_GROUP);
      out.writeTag(6, WireFormat.WIRETYPE_END_GROUP);
    });
    for (byte[] unknown : List.of(surfaceAsBytes, candidatesAsFixed32, contextAsGroup)) {
      assertEquals(same(valid).request(), same(WireBytes.concat(valid, unknown)).request());
    }
  }

  @Test
  void unknownGroups_nestAsDeepAsProtobufJavaAllows_inEachMessage() {
    // protobuf-java counts enclosing messages and groups together against a limit of 100
    assertEquals(100, deepestGroup(depth -> requestWith(group(depth), new byte[0], new byte[0], new byte[0])));
    assertEquals(99, deepestGroup(depth -> requestWith(new byte[0], group(depth), new byte[0], new byte[0])));
    assertEquals(98, deepestGroup(depth -> requestWith(new byte[0], new byte[0], group(depth), new byte[0])));
    assertEquals(99, deepestGroup(depth -> requestWith(new byte[0], new byte[0], new byte[0], group(depth))));
  }

  /** The deepest nesting of groups that parses, checked with both paths from 90 to 110. */
  private int deepestGroup(IntFunction<byte[]> request) {
    int deepest = 0;
    for (int depth = 90; depth <= 110; depth++) {
      if (!same(request.apply(depth)).unparseable()) {
        deepest = depth;
      }
    }
    return deepest;
  }

  /** A valid request with the given extra bytes at the end of the request, candidate, topic and context. */
  private static byte[] requestWith(byte[] inRequest, byte[] inCandidate, byte[] inTopic, byte[] inContext) {
    byte[] topic = WireBytes.concat(
        TopicWeight.newBuilder().setTopicId(Protos.BOOTS).setWeight(1).build().toByteArray(), inTopic);
    byte[] candidate = WireBytes.concat(
        Candidate.newBuilder().setItemId("i").setKind(ItemKind.ITEM_KIND_AD).build().toByteArray(),
        WireBytes.of(out -> out.writeByteArray(3, topic)), inCandidate);
    byte[] context = WireBytes.concat(RequestContext.newBuilder().setText("t").build().toByteArray(), inContext);
    return WireBytes.concat(ScoreCandidatesRequest.newBuilder().setUserId("u").setSurfaceValue(1).build().toByteArray(),
        WireBytes.of(out -> {
          out.writeByteArray(5, candidate);
          out.writeByteArray(6, context);
        }), inRequest);
  }

  /** {@code depth} groups of field 15, each inside the one before, the innermost holding a varint. */
  private static byte[] group(int depth) {
    return WireBytes.of(out -> {
      for (int i = 0; i < depth; i++) {
        out.writeTag(15, WireFormat.WIRETYPE_START_GROUP);
      }
      out.writeUInt64(16, 1);
      for (int i = 0; i < depth; i++) {
        out.writeTag(15, WireFormat.WIRETYPE_END_GROUP);
      }
    });
  }

  @Test
  void malformedWireFormat_inAnyMessage_isUnparseable() {
    byte[] endGroupAlone = WireBytes.of(out -> out.writeTag(15, WireFormat.WIRETYPE_END_GROUP));
    byte[] endOfAnotherGroup = WireBytes.of(out -> {
      out.writeTag(15, WireFormat.WIRETYPE_START_GROUP);
      out.writeTag(16, WireFormat.WIRETYPE_END_GROUP);
    });
    byte[] groupNeverEnded = WireBytes.of(out -> out.writeTag(15, WireFormat.WIRETYPE_START_GROUP));
    byte[] wireType6 = WireBytes.of(out -> out.writeUInt32NoTag(15 << 3 | 6));
    byte[] wireType7 = WireBytes.of(out -> out.writeUInt32NoTag(15 << 3 | 7));
    byte[] fieldZero = WireBytes.of(out -> out.writeUInt32NoTag(WireFormat.WIRETYPE_VARINT));
    byte[] varintOf11Bytes = WireBytes.of(out -> {
      out.writeTag(15, WireFormat.WIRETYPE_VARINT);
      out.writeRawBytes(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1});
    });
    byte[] negativeLength = WireBytes.of(out -> {
      out.writeTag(15, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(-1);
    });
    byte[] lengthPastTheEnd = WireBytes.of(out -> {
      out.writeTag(15, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(3);
      out.writeRawBytes(new byte[] {1, 2});
    });
    byte[] none = new byte[0];
    for (byte[] bad : List.of(endGroupAlone, endOfAnotherGroup, groupNeverEnded, wireType6, wireType7, fieldZero,
        varintOf11Bytes, negativeLength, lengthPastTheEnd)) {
      assertTrue(same(requestWith(none, none, none, none)).ok());
      assertTrue(same(requestWith(bad, none, none, none)).unparseable());
      assertTrue(same(requestWith(none, bad, none, none)).unparseable());
      assertTrue(same(requestWith(none, none, bad, none)).unparseable());
      assertTrue(same(requestWith(none, none, none, bad)).unparseable());
    }
  }

  @Test
  void manyTopics_stayWithTheirCandidate() {
    ScoreRequestPaths roomy = new ScoreRequestPaths(TAXONOMY, new RequestLimits(10, 10, 100, 64));
    ScoreCandidatesRequest.Builder request = ScoreCandidatesRequest.newBuilder().setUserId("u").setSurfaceValue(1);
    int[] counts = {40, 0, 17, 64, 1};
    for (int i = 0; i < counts.length; i++) {
      Candidate.Builder c = Candidate.newBuilder().setItemId("c" + i).setKindValue(1);
      for (int t = 0; t < counts[i]; t++) {
        int id = TOPIC_IDS[(i * 7 + t) % TOPIC_IDS.length];
        c.addTopics(TopicWeight.newBuilder().setTopicId(id).setWeight(1f / (t + 1)));
      }
      request.addCandidates(c);
    }
    byte[] bytes = request.build().toByteArray();
    RequestOutcome expected = roomy.generated(bytes);
    assertEquals(expected, roomy.codec(bytes, true));
    assertEquals(List.of(40, 0, 17, 64, 1),
        expected.request().candidates().stream().map(c -> c.topics().size()).toList());
  }
}
