package dev.chatsignal.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The persisted form of a {@link Profile}: a version byte, then entries (topic id, source code, app,
 * weight, update time) and suppressions (topic id, end time). About 23 bytes per entry of the default
 * app (written as an empty name). It carries only derived topic weights: no text, no item ids.
 * Version 1 records (before apps) are read as the default app's.
 */
public final class ProfileCodec {
  private static final int VERSION = 2;
  private static final int VERSION_BEFORE_APPS = 1;

  private ProfileCodec() {}

  public static byte[] encode(Profile profile) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + profile.entries().size() * 21);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeShort(profile.entries().size());
      for (ProfileEntry e : profile.entries()) {
        out.writeInt(e.topicId());
        out.writeByte(e.source().code());
        out.writeUTF(e.app().equals(Apps.DEFAULT) ? "" : e.app());
        out.writeDouble(e.weight());
        out.writeLong(e.updatedAtMillis());
      }
      out.writeShort(profile.suppressedUntilMillis().size());
      for (Map.Entry<Integer, Long> s : profile.suppressedUntilMillis().entrySet()) {
        out.writeInt(s.getKey());
        out.writeLong(s.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** @throws IllegalArgumentException when the bytes are not a profile this codec wrote */
  public static Profile decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readUnsignedByte();
      if (version != VERSION && version != VERSION_BEFORE_APPS) {
        throw new IllegalArgumentException("profile version: " + version + " (expected: " + VERSION + ")");
      }
      int n = in.readUnsignedShort();
      List<ProfileEntry> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int topic = in.readInt();
        SignalSource source = SignalSource.ofCode(in.readUnsignedByte());
        String app = version == VERSION_BEFORE_APPS ? "" : in.readUTF();
        entries.add(new ProfileEntry(topic, source, app.isEmpty() ? Apps.DEFAULT : app, in.readDouble(), in.readLong()));
      }
      int s = in.readUnsignedShort();
      Map<Integer, Long> suppressed = new HashMap<>();
      for (int i = 0; i < s; i++) {
        suppressed.put(in.readInt(), in.readLong());
      }
      return new Profile(entries, suppressed);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated profile record", e);
    }
  }
}
