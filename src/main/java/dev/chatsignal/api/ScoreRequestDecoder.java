package dev.chatsignal.api;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.TopicWeight;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the bytes of a {@code chatsignal.v1.ScoreCandidatesRequest} into a {@link WireScoreRequest}
 * without a generated message or builder per candidate and topic. One decoder reads one request; it is
 * not thread-safe.
 *
 * <p>It accepts and rejects exactly what protobuf-java's generated parser does, and gives each field the
 * value that parser would: fields in any order; a scalar field sent more than once keeps its last value;
 * occurrences of {@code context} merge; a known field number with another wire type is an unknown field;
 * unknown fields of any wire type are skipped, groups as deep as protobuf-java nests them; strings must be
 * UTF-8; enums stay numbers. (No field of these messages is a packable repeated scalar.) What that parser
 * rejects throws {@link InvalidProtocolBufferException}.
 *
 * <p>Each message is read over a pushed limit as {@code CodedInputStream.readMessage} does, with the same
 * calls for each value, so the wire format is checked by protobuf-java's own code. Topics go to a scratch
 * array first and each candidate gets an exactly sized copy: no list grows per candidate.
 */
final class ScoreRequestDecoder {
  /**
   * How deep messages and unknown groups may nest: protobuf-java's default recursion limit, which
   * grpc-java's protobuf marshaller keeps. Nested messages are read here without
   * {@code CodedInputStream.readMessage}, so the depth is counted here.
   */
  private static final int RECURSION_LIMIT = 100;

  private static final int VARINT = WireFormat.WIRETYPE_VARINT;
  private static final int FIXED32 = WireFormat.WIRETYPE_FIXED32;
  private static final int FIXED64 = WireFormat.WIRETYPE_FIXED64;
  private static final int BYTES = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  private static final int USER_ID = ScoreCandidatesRequest.USER_ID_FIELD_NUMBER << 3 | BYTES;
  private static final int COUNTRY = ScoreCandidatesRequest.COUNTRY_FIELD_NUMBER << 3 | BYTES;
  private static final int AGE_BAND = ScoreCandidatesRequest.AGE_BAND_FIELD_NUMBER << 3 | VARINT;
  private static final int SURFACE = ScoreCandidatesRequest.SURFACE_FIELD_NUMBER << 3 | VARINT;
  private static final int CANDIDATES = ScoreCandidatesRequest.CANDIDATES_FIELD_NUMBER << 3 | BYTES;
  private static final int CONTEXT = ScoreCandidatesRequest.CONTEXT_FIELD_NUMBER << 3 | BYTES;
  private static final int LIMIT = ScoreCandidatesRequest.LIMIT_FIELD_NUMBER << 3 | VARINT;
  private static final int EXPLAIN = ScoreCandidatesRequest.EXPLAIN_FIELD_NUMBER << 3 | VARINT;
  private static final int APP = ScoreCandidatesRequest.APP_FIELD_NUMBER << 3 | BYTES;
  private static final int LINKED_APPS = ScoreCandidatesRequest.LINKED_APPS_FIELD_NUMBER << 3 | BYTES;
  private static final int AGE_YEARS = ScoreCandidatesRequest.AGE_YEARS_FIELD_NUMBER << 3 | VARINT;

  private static final int ITEM_ID = Candidate.ITEM_ID_FIELD_NUMBER << 3 | BYTES;
  private static final int KIND = Candidate.KIND_FIELD_NUMBER << 3 | VARINT;
  private static final int TOPICS = Candidate.TOPICS_FIELD_NUMBER << 3 | BYTES;
  private static final int TEXT = Candidate.TEXT_FIELD_NUMBER << 3 | BYTES;
  private static final int PRIOR = Candidate.PRIOR_FIELD_NUMBER << 3 | FIXED64;

  private static final int TOPIC_ID = TopicWeight.TOPIC_ID_FIELD_NUMBER << 3 | VARINT;
  private static final int WEIGHT = TopicWeight.WEIGHT_FIELD_NUMBER << 3 | FIXED32;

  private static final int CONTEXT_TEXT = RequestContext.TEXT_FIELD_NUMBER << 3 | BYTES;
  private static final int CONTEXT_SENSITIVE = RequestContext.SENSITIVE_FIELD_NUMBER << 3 | VARINT;

  private static final int[] NO_IDS = {};
  private static final float[] NO_WEIGHTS = {};

  private final CodedInputStream input;
  private int[] topicIds = new int[16];
  private float[] topicWeights = new float[16];

  ScoreRequestDecoder(CodedInputStream input) {
    this.input = input;
  }

  /** Reads the input to its end as one request. */
  WireScoreRequest request() throws IOException {
    String userId = "";
    String country = "";
    int ageBand = 0;
    int surface = 0;
    List<WireScoreRequest.Candidate> candidates = new ArrayList<>();
    WireScoreRequest.Context context = WireScoreRequest.Context.ABSENT;
    int limit = 0;
    boolean explain = false;
    String app = "";
    List<String> linkedApps = new ArrayList<>(0);
    int ageYears = 0;
    for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
      switch (tag) {
        case USER_ID -> userId = input.readStringRequireUtf8();
        case COUNTRY -> country = input.readStringRequireUtf8();
        case AGE_BAND -> ageBand = input.readEnum();
        case SURFACE -> surface = input.readEnum();
        case CANDIDATES -> candidates.add(candidate());
        case CONTEXT -> context = context(context);
        case LIMIT -> limit = input.readInt32();
        case EXPLAIN -> explain = input.readBool();
        case APP -> app = input.readStringRequireUtf8();
        case LINKED_APPS -> linkedApps.add(input.readStringRequireUtf8());
        case AGE_YEARS -> ageYears = input.readInt32();
        default -> skipUnknown(tag, 0);
      }
    }
    return new WireScoreRequest(userId, country, ageBand, surface, candidates, context, limit, explain, app,
        linkedApps, ageYears);
  }

  /** The length-delimited Candidate that comes next. */
  private WireScoreRequest.Candidate candidate() throws IOException {
    int outer = input.pushLimit(input.readRawVarint32());
    String itemId = "";
    int kind = 0;
    int topics = 0;
    String text = "";
    double prior = 0;
    for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
      switch (tag) {
        case ITEM_ID -> itemId = input.readStringRequireUtf8();
        case KIND -> kind = input.readEnum();
        case TOPICS -> topic(topics++);
        case TEXT -> text = input.readStringRequireUtf8();
        case PRIOR -> prior = input.readDouble();
        default -> skipUnknown(tag, 1);
      }
    }
    input.popLimit(outer);
    return new WireScoreRequest.Candidate(itemId, kind,
        topics == 0 ? NO_IDS : Arrays.copyOf(topicIds, topics),
        topics == 0 ? NO_WEIGHTS : Arrays.copyOf(topicWeights, topics), text, prior);
  }

  /** Reads the length-delimited TopicWeight that comes next into the scratch arrays at {@code index}. */
  private void topic(int index) throws IOException {
    int outer = input.pushLimit(input.readRawVarint32());
    int id = 0;
    float weight = 0;
    for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
      switch (tag) {
        case TOPIC_ID -> id = input.readInt32();
        case WEIGHT -> weight = input.readFloat();
        default -> skipUnknown(tag, 2);
      }
    }
    input.popLimit(outer);
    if (index == topicIds.length) {
      topicIds = Arrays.copyOf(topicIds, 2 * index);
      topicWeights = Arrays.copyOf(topicWeights, 2 * index);
    }
    topicIds[index] = id;
    topicWeights[index] = weight;
  }

  /** The length-delimited RequestContext that comes next, merged into what earlier occurrences set. */
  private WireScoreRequest.Context context(WireScoreRequest.Context earlier) throws IOException {
    int outer = input.pushLimit(input.readRawVarint32());
    String text = earlier.text();
    boolean sensitive = earlier.sensitive();
    for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
      switch (tag) {
        case CONTEXT_TEXT -> text = input.readStringRequireUtf8();
        case CONTEXT_SENSITIVE -> sensitive = input.readBool();
        default -> skipUnknown(tag, 1);
      }
    }
    input.popLimit(outer);
    return new WireScoreRequest.Context(text, sensitive);
  }

  /**
   * Skips a field this decoder does not know, as protobuf-java's {@code UnknownFieldSet} reads it.
   * {@code depth} counts the messages and groups around it. An end-group tag outside a group is an
   * error, as in protobuf-java, whose groups never enclose a known message.
   */
  private void skipUnknown(int tag, int depth) throws IOException {
    switch (WireFormat.getTagWireType(tag)) {
      case WireFormat.WIRETYPE_START_GROUP -> skipGroup(tag, depth);
      case WireFormat.WIRETYPE_END_GROUP -> throw new InvalidProtocolBufferException("end-group tag outside a group");
      default -> input.skipField(tag); // the other wire types; an invalid one throws
    }
  }

  /** Skips a group up to its end-group tag, which must carry the group's field number. */
  private void skipGroup(int startTag, int depth) throws IOException {
    if (depth >= RECURSION_LIMIT) {
      throw new InvalidProtocolBufferException("groups and messages nested deeper than " + RECURSION_LIMIT);
    }
    int tag = input.readTag();
    while (tag != 0 && WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_END_GROUP) {
      skipUnknown(tag, depth + 1);
      tag = input.readTag();
    }
    input.checkLastTagWas(startTag - WireFormat.WIRETYPE_START_GROUP + WireFormat.WIRETYPE_END_GROUP);
  }
}
