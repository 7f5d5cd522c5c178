package dev.chatsignal.api;

import static com.google.protobuf.CodedOutputStream.computeBoolSize;
import static com.google.protobuf.CodedOutputStream.computeBytesSize;
import static com.google.protobuf.CodedOutputStream.computeDoubleSize;
import static com.google.protobuf.CodedOutputStream.computeEnumSize;
import static com.google.protobuf.CodedOutputStream.computeInt32Size;
import static com.google.protobuf.CodedOutputStream.computeStringSize;
import static com.google.protobuf.CodedOutputStream.computeTagSize;
import static com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.chatsignal.scoring.Contribution;
import dev.chatsignal.scoring.ScoreResult;
import dev.chatsignal.scoring.ScoredItem;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.TopicContribution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link ScoreResult} as the bytes of a {@code chatsignal.v1.ScoreCandidatesResponse} without
 * building messages: byte for byte what generated {@code writeTo} gives for the response (items with
 * their explanations, taxonomy paths of both topics, the decision and the versions). As generated code
 * does, fields go in ascending number and proto3 defaults are left out: empty strings, 0, false, and a
 * double only when all its bits are 0, so -0.0 is written. Taxonomy paths and versions are encoded to
 * UTF-8 once, here. Immutable and thread-safe.
 */
final class ScoreResponseWriter {
  private static final int ITEMS = ScoreCandidatesResponse.ITEMS_FIELD_NUMBER;
  private static final int PERSONALIZED = ScoreCandidatesResponse.PERSONALIZED_FIELD_NUMBER;
  private static final int REASON = ScoreCandidatesResponse.REASON_FIELD_NUMBER;
  private static final int POLICY_VERSION = ScoreCandidatesResponse.POLICY_VERSION_FIELD_NUMBER;
  private static final int TAXONOMY_VERSION = ScoreCandidatesResponse.TAXONOMY_VERSION_FIELD_NUMBER;
  private static final int CLASSIFIER_VERSION = ScoreCandidatesResponse.CLASSIFIER_VERSION_FIELD_NUMBER;

  private static final int ITEM_ID = dev.chatsignal.v1.ScoredItem.ITEM_ID_FIELD_NUMBER;
  private static final int SCORE = dev.chatsignal.v1.ScoredItem.SCORE_FIELD_NUMBER;
  private static final int ITEM_PERSONALIZED = dev.chatsignal.v1.ScoredItem.PERSONALIZED_FIELD_NUMBER;
  private static final int EXPLANATION = dev.chatsignal.v1.ScoredItem.EXPLANATION_FIELD_NUMBER;
  private static final int ITEM_REASON = dev.chatsignal.v1.ScoredItem.REASON_FIELD_NUMBER;
  private static final int SUMMARY = dev.chatsignal.v1.ScoredItem.SUMMARY_FIELD_NUMBER;

  private static final int TOPIC_ID = TopicContribution.TOPIC_ID_FIELD_NUMBER;
  private static final int PATH = TopicContribution.PATH_FIELD_NUMBER;
  private static final int SOURCE = TopicContribution.SOURCE_FIELD_NUMBER;
  private static final int CONTRIBUTION = TopicContribution.CONTRIBUTION_FIELD_NUMBER;
  private static final int PROFILE_TOPIC_ID = TopicContribution.PROFILE_TOPIC_ID_FIELD_NUMBER;
  private static final int PROFILE_TOPIC_PATH = TopicContribution.PROFILE_TOPIC_PATH_FIELD_NUMBER;
  private static final int APP = TopicContribution.APP_FIELD_NUMBER;
  private static final int NOISE = TopicContribution.NOISE_FIELD_NUMBER;

  private final Taxonomy taxonomy;
  /** UTF-8 taxonomy path by topic id, 0 to the taxonomy's largest id ("?" where there is no topic). */
  private final ByteString[] paths;
  private final ByteString policy;
  private final ByteString taxonomyVersion;
  private final ByteString classifier;

  ScoreResponseWriter(Taxonomy taxonomy, Versions versions) {
    this.taxonomy = taxonomy;
    this.paths = new ByteString[taxonomy.maxId() + 1];
    for (int id = 0; id < paths.length; id++) {
      paths[id] = ByteString.copyFromUtf8(taxonomy.pathOf(id));
    }
    this.policy = ByteString.copyFromUtf8(versions.policy());
    this.taxonomyVersion = ByteString.copyFromUtf8(versions.taxonomy());
    this.classifier = ByteString.copyFromUtf8(versions.classifier());
  }

  /**
   * What sizing found and writing reuses, per item in result order: the item id as UTF-8 and the
   * ScoredItem message's size (the response's length prefixes); and the size of every explanation
   * entry, all items' in one array in writing order.
   */
  record Items(byte[][] ids, int[] sizes, int[] explanationSizes) {}

  /**
   * Encodes every item id once and sizes every item. Why {@code String.getBytes} for the ids: on the
   * usual ASCII ids the JDK copies the string's bytes in one vectorized step, where protobuf's
   * {@code Utf8} walks them char by char, once to size and once to write (a sixth of a 500-candidate
   * call's samples in the JFR profile before this).
   */
  Items items(ScoreResult result) {
    List<ScoredItem> items = result.items();
    byte[][] ids = new byte[items.size()][];
    int[] sizes = new int[ids.length];
    int entries = 0;
    for (ScoredItem item : items) {
      entries += item.explanation().size();
    }
    int[] explanationSizes = new int[entries];
    for (int i = 0, entry = 0; i < sizes.length; i++) {
      ScoredItem item = items.get(i);
      ids[i] = item.itemId().getBytes(StandardCharsets.UTF_8);
      int size = rawBytesSize(ITEM_ID, ids[i]) + doubleSize(SCORE, item.score())
          + boolSize(ITEM_PERSONALIZED, item.personalized());
      for (Contribution c : item.explanation()) {
        explanationSizes[entry] = contributionSize(c);
        size += messageSize(EXPLANATION, explanationSizes[entry++]);
      }
      sizes[i] = size + enumSize(ITEM_REASON, ProtoEnums.reason(item.reason()).getNumber())
          + stringSize(SUMMARY, item.summary());
    }
    return new Items(ids, sizes, explanationSizes);
  }

  /** The size of the whole response, given {@link #items}. */
  int size(ScoreResult result, Items prepared) {
    int size = 0;
    for (int itemSize : prepared.sizes()) {
      size += messageSize(ITEMS, itemSize);
    }
    return size + boolSize(PERSONALIZED, result.decision().personalize())
        + enumSize(REASON, ProtoEnums.reason(result.decision().reason()).getNumber())
        + bytesSize(POLICY_VERSION, policy) + bytesSize(TAXONOMY_VERSION, taxonomyVersion)
        + bytesSize(CLASSIFIER_VERSION, classifier);
  }

  /** Writes the response, {@link #size} bytes; the caller flushes {@code out}. */
  void write(ScoreResult result, Items prepared, CodedOutputStream out) throws IOException {
    List<ScoredItem> items = result.items();
    int[] sizes = prepared.sizes();
    for (int i = 0, entry = 0; i < sizes.length; i++) {
      writeMessageHeader(out, ITEMS, sizes[i]);
      entry = writeItem(out, items.get(i), prepared.ids()[i], prepared.explanationSizes(), entry);
    }
    writeBool(out, PERSONALIZED, result.decision().personalize());
    writeEnum(out, REASON, ProtoEnums.reason(result.decision().reason()).getNumber());
    writeBytes(out, POLICY_VERSION, policy);
    writeBytes(out, TAXONOMY_VERSION, taxonomyVersion);
    writeBytes(out, CLASSIFIER_VERSION, classifier);
  }

  /** Writes one item; its explanation entries' sizes start at {@code entry}. Returns the next entry. */
  private int writeItem(CodedOutputStream out, ScoredItem item, byte[] id, int[] explanationSizes, int entry)
      throws IOException {
    writeRawBytes(out, ITEM_ID, id);
    writeDouble(out, SCORE, item.score());
    writeBool(out, ITEM_PERSONALIZED, item.personalized());
    for (Contribution c : item.explanation()) {
      writeMessageHeader(out, EXPLANATION, explanationSizes[entry++]);
      writeContribution(out, c);
    }
    writeEnum(out, ITEM_REASON, ProtoEnums.reason(item.reason()).getNumber());
    writeString(out, SUMMARY, item.summary());
    return entry;
  }

  private int contributionSize(Contribution c) {
    return int32Size(TOPIC_ID, c.topicId()) + bytesSize(PATH, path(c.topicId()))
        + enumSize(SOURCE, ProtoEnums.source(c.source()).getNumber()) + doubleSize(CONTRIBUTION, c.amount())
        + int32Size(PROFILE_TOPIC_ID, c.profileTopicId()) + bytesSize(PROFILE_TOPIC_PATH, path(c.profileTopicId()))
        + stringSize(APP, app(c)) + boolSize(NOISE, c.noise());
  }

  private void writeContribution(CodedOutputStream out, Contribution c) throws IOException {
    writeInt32(out, TOPIC_ID, c.topicId());
    writeBytes(out, PATH, path(c.topicId()));
    writeEnum(out, SOURCE, ProtoEnums.source(c.source()).getNumber());
    writeDouble(out, CONTRIBUTION, c.amount());
    writeInt32(out, PROFILE_TOPIC_ID, c.profileTopicId());
    writeBytes(out, PROFILE_TOPIC_PATH, path(c.profileTopicId()));
    writeString(out, APP, app(c));
    writeBool(out, NOISE, c.noise());
  }

  private ByteString path(int topicId) {
    return topicId >= 0 && topicId < paths.length ? paths[topicId] : ByteString.copyFromUtf8(taxonomy.pathOf(topicId));
  }

  private static String app(Contribution c) {
    return c.app() == null ? "" : c.app();
  }

  // Each field as generated code sizes and writes it: nothing for the proto3 default.

  private static int messageSize(int field, int size) {
    return computeTagSize(field) + computeUInt32SizeNoTag(size) + size;
  }

  private static void writeMessageHeader(CodedOutputStream out, int field, int size) throws IOException {
    out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(size);
  }

  private static int stringSize(int field, String value) {
    return value.isEmpty() ? 0 : computeStringSize(field, value);
  }

  private static void writeString(CodedOutputStream out, int field, String value) throws IOException {
    if (!value.isEmpty()) {
      out.writeString(field, value);
    }
  }

  private static int rawBytesSize(int field, byte[] value) {
    return value.length == 0 ? 0 : messageSize(field, value.length);
  }

  private static void writeRawBytes(CodedOutputStream out, int field, byte[] value) throws IOException {
    if (value.length != 0) {
      writeMessageHeader(out, field, value.length);
      out.writeRawBytes(value);
    }
  }

  private static int bytesSize(int field, ByteString value) {
    return value.isEmpty() ? 0 : computeBytesSize(field, value);
  }

  private static void writeBytes(CodedOutputStream out, int field, ByteString value) throws IOException {
    if (!value.isEmpty()) {
      out.writeBytes(field, value);
    }
  }

  private static int doubleSize(int field, double value) {
    return Double.doubleToRawLongBits(value) == 0 ? 0 : computeDoubleSize(field, value);
  }

  private static void writeDouble(CodedOutputStream out, int field, double value) throws IOException {
    if (Double.doubleToRawLongBits(value) != 0) {
      out.writeDouble(field, value);
    }
  }

  private static int boolSize(int field, boolean value) {
    return value ? computeBoolSize(field, true) : 0;
  }

  private static void writeBool(CodedOutputStream out, int field, boolean value) throws IOException {
    if (value) {
      out.writeBool(field, true);
    }
  }

  private static int int32Size(int field, int value) {
    return value == 0 ? 0 : computeInt32Size(field, value);
  }

  private static void writeInt32(CodedOutputStream out, int field, int value) throws IOException {
    if (value != 0) {
      out.writeInt32(field, value);
    }
  }

  private static int enumSize(int field, int number) {
    return number == 0 ? 0 : computeEnumSize(field, number);
  }

  private static void writeEnum(CodedOutputStream out, int field, int number) throws IOException {
    if (number != 0) {
      out.writeEnum(field, number);
    }
  }
}
