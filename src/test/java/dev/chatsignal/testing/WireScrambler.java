package dev.chatsignal.testing;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;

/**
 * Writes a protobuf message in one of the many wire forms a parser must read as that message, chosen
 * at random: fields in any order (the elements of a repeated field keep theirs); a scalar field sent
 * more than once, its real value last; default values written out; a message field split into
 * occurrences that merge; unknown fields of every wire type, nested groups included, anywhere. With
 * {@link #invalidUtf8} set, every value of that string field is written as bytes that are not UTF-8.
 * Knows the field types of the chatsignal scoring messages (string, enum, int32, bool, double, float,
 * message), not packed fields.
 */
public final class WireScrambler {
  private static final int MAX_FIELD_NUMBER = 536_870_911;
  private static final int[] WIRE_TYPES = {WireFormat.WIRETYPE_VARINT, WireFormat.WIRETYPE_FIXED64,
      WireFormat.WIRETYPE_LENGTH_DELIMITED, WireFormat.WIRETYPE_START_GROUP, WireFormat.WIRETYPE_FIXED32};
  private static final byte[][] NOT_UTF8 = {
      {(byte) 0xc3, 0x28}, // a lead byte without its continuation
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // an encoded surrogate
      {(byte) 0xc0, (byte) 0x80}, // an overlong encoding
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xff},
      {(byte) 0xe6, (byte) 0x97}}; // cut short

  private final Random random;
  private FieldDescriptor invalidUtf8;

  public WireScrambler(Random random) {
    this.random = random;
  }

  /** Every value of {@code field} (a string field) is written as bytes that are not UTF-8; null for none. */
  public WireScrambler invalidUtf8(FieldDescriptor field) {
    this.invalidUtf8 = field;
    return this;
  }

  public byte[] scramble(Message message) {
    List<Chunk> chunks = new ArrayList<>();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isRepeated()) {
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
          chunks.add(new Chunk(field.getNumber(), encode(field, message.getRepeatedField(field, i))));
        }
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (message.hasField(field)) {
          for (Message part : split((Message) message.getField(field))) {
            chunks.add(new Chunk(field.getNumber(), encode(field, part)));
          }
        }
      } else if (message.hasField(field) || chance(0.1)) {
        for (int decoys = chance(0.15) ? 1 + random.nextInt(2) : 0; decoys > 0; decoys--) {
          chunks.add(new Chunk(field.getNumber(), encode(field, anyValue(field))));
        }
        chunks.add(new Chunk(field.getNumber(), encode(field, message.getField(field))));
      }
    }
    for (int i = chance(0.3) ? 1 + random.nextInt(3) : 0; i > 0; i--) {
      chunks.add(new Chunk(-i, unknownField(message.getDescriptorForType(), 0)));
    }
    return interleaved(chunks);
  }

  /** The chunks shuffled, then each field's chunks put back in their own order on the places it got. */
  private byte[] interleaved(List<Chunk> chunks) {
    Map<Integer, Queue<byte[]>> byField = new HashMap<>();
    for (Chunk c : chunks) {
      byField.computeIfAbsent(c.field, f -> new ArrayDeque<>()).add(c.bytes);
    }
    List<Chunk> shuffled = new ArrayList<>(chunks);
    Collections.shuffle(shuffled, random);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Chunk c : shuffled) {
      out.writeBytes(byField.get(c.field).remove());
    }
    return out.toByteArray();
  }

  /** The message itself, or two messages whose fields together are its fields (they merge back). */
  private List<Message> split(Message message) {
    if (!chance(0.4)) {
      return List.of(message);
    }
    Message.Builder first = message.newBuilderForType();
    Message.Builder second = message.newBuilderForType();
    message.getAllFields().forEach((field, value) -> (random.nextBoolean() ? first : second).setField(field, value));
    return List.of(first.build(), second.build());
  }

  private byte[] encode(FieldDescriptor field, Object value) {
    return WireBytes.of(out -> {
      int n = field.getNumber();
      switch (field.getType()) {
        case STRING -> {
          if (field.equals(invalidUtf8)) {
            out.writeByteArray(n, notUtf8((String) value));
          } else {
            out.writeString(n, (String) value);
          }
        }
        case MESSAGE -> out.writeByteArray(n, scramble((Message) value));
        case ENUM -> out.writeEnum(n, ((EnumValueDescriptor) value).getNumber());
        case INT32 -> out.writeInt32(n, (Integer) value);
        case BOOL -> out.writeBool(n, (Boolean) value);
        case DOUBLE -> out.writeDouble(n, (Double) value);
        case FLOAT -> out.writeFloat(n, (Float) value);
        default -> throw unsupported(field);
      }
    });
  }

  private byte[] notUtf8(String value) {
    byte[] valid = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bad = NOT_UTF8[random.nextInt(NOT_UTF8.length)];
    int at = random.nextInt(valid.length + 1);
    while (at > 0 && at < valid.length && (valid[at] & 0xc0) == 0x80) {
      at--; // not inside a character, so the bytes around stay valid and only the insert is bad
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, at);
    out.writeBytes(bad);
    out.write(valid, at, valid.length - at);
    return out.toByteArray();
  }

  /** A value of the field's type, to be overwritten by a later occurrence. */
  private Object anyValue(FieldDescriptor field) {
    return switch (field.getType()) {
      case STRING -> random.nextBoolean() ? "" : "decoy-" + random.nextInt(100) + "-ü";
      case ENUM -> field.getEnumType().findValueByNumberCreatingIfUnknown(random.nextInt(7) - 1);
      case INT32 -> random.nextBoolean() ? random.nextInt() : random.nextInt(10);
      case BOOL -> random.nextBoolean();
      case DOUBLE -> random.nextGaussian();
      case FLOAT -> random.nextFloat();
      default -> throw unsupported(field);
    };
  }

  /** A field {@code type} does not know (null: no known fields), of any wire type. */
  private byte[] unknownField(Descriptor type, int depth) {
    int number;
    int wireType;
    do {
      number = chance(0.1) ? MAX_FIELD_NUMBER : 1 + random.nextInt(20);
      wireType = WIRE_TYPES[random.nextInt(WIRE_TYPES.length)];
    } while (type != null && type.findFieldByNumber(number) != null
        && type.findFieldByNumber(number).getLiteType().getWireType() == wireType);
    int fieldNumber = number;
    int fieldWireType = wireType;
    return WireBytes.of(out -> {
      out.writeTag(fieldNumber, fieldWireType);
      switch (fieldWireType) {
        case WireFormat.WIRETYPE_VARINT ->
            out.writeUInt64NoTag(random.nextBoolean() ? random.nextLong() : random.nextInt(300));
        case WireFormat.WIRETYPE_FIXED64 -> out.writeFixed64NoTag(random.nextLong());
        case WireFormat.WIRETYPE_FIXED32 -> out.writeFixed32NoTag(random.nextInt());
        case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
          byte[] bytes = new byte[random.nextInt(9)];
          random.nextBytes(bytes); // often not UTF-8: an unknown field is never checked
          out.writeByteArrayNoTag(bytes);
        }
        default -> {
          for (int i = depth < 3 ? random.nextInt(3) : 0; i > 0; i--) {
            out.writeRawBytes(unknownField(null, depth + 1));
          }
          out.writeTag(fieldNumber, WireFormat.WIRETYPE_END_GROUP);
        }
      }
    });
  }

  private static IllegalArgumentException unsupported(FieldDescriptor field) {
    return new IllegalArgumentException(field.getFullName() + ": " + field.getType() + " is not supported");
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private record Chunk(int field, byte[] bytes) {}
}
