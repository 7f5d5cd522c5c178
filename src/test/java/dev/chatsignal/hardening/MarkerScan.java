package dev.chatsignal.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A unique marker word to put in every text sent to the server, and the search for it in text and in
 * the raw bytes of files.
 *
 * <p>The word is random lowercase letters, so it cannot occur by chance and is not a taxonomy word;
 * the search looks for its first {@link #CORE} letters, ignoring case, so that a stemmed, truncated or
 * upper-cased derivative is found too, in UTF-8 and in UTF-16 (either byte order).
 */
final class MarkerScan {
  static final int CORE = 10;

  final String marker;
  private final String core;

  MarkerScan() {
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder("zq");
    for (int i = 0; i < 14; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    marker = b.toString();
    core = marker.substring(0, CORE);
  }

  /** True when {@code text} holds the marker or a derivative of it. */
  boolean in(String text) {
    return text.toLowerCase(Locale.ROOT).contains(core);
  }

  /** Every regular file under {@code dir} whose raw bytes hold the marker (ASCII case ignored). */
  List<Path> filesContaining(Path dir) {
    return filesMatching(dir, this::bytesContain);
  }

  /** Every regular file under {@code dir} whose raw bytes hold {@code literal} in UTF-8. */
  static List<Path> filesContaining(Path dir, String literal) {
    byte[] needle = literal.getBytes(StandardCharsets.UTF_8);
    return filesMatching(dir, data -> indexOf(data, needle) >= 0);
  }

  private static List<Path> filesMatching(Path dir, java.util.function.Predicate<byte[]> test) {
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (test.test(Files.readAllBytes(file))) {
          hits.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  boolean bytesContain(byte[] data) {
    return indexOf(data, core.getBytes(StandardCharsets.UTF_8)) >= 0
        || indexOf(data, core.getBytes(StandardCharsets.UTF_16LE)) >= 0
        || indexOf(data, core.getBytes(StandardCharsets.UTF_16BE)) >= 0;
  }

  /** Index of {@code needle} in {@code data}, comparing ASCII letters without case; -1 when absent. */
  static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (lower(data[i + k]) != lower(needle[k])) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}
