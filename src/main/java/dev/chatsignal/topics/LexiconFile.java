package dev.chatsignal.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated lexicon resource: one entry per line, {@code #} starts a comment line, blank lines
 * are skipped, and each kept line remembers its 1-based line number for error messages.
 */
final class LexiconFile {
  /** One data line: its 1-based number in the file and its trimmed tab-separated fields. */
  record Line(String resource, int number, List<String> fields) {
    String field(int i) {
      return i < fields.size() ? fields.get(i) : "";
    }

    /** An error that names the file and line, for load-time validation. */
    /** Field {@code i} as a weight in (0, 1]; anything else fails naming the line. */
    double weight(int i) {
      try {
        double w = Double.parseDouble(field(i));
        if (w > 0 && w <= 1) {
          return w;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error("weight '" + field(i) + "' (expected: in (0, 1])");
    }

    IllegalStateException error(String message) {
      return new IllegalStateException(resource + " line " + number + ": " + message);
    }
  }

  private LexiconFile() {}

  /** Reads a classpath resource; fails with {@link IllegalStateException} when it is missing. */
  static List<Line> read(String resource) {
    InputStream in = LexiconFile.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(resource, reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  /** Parses lines already in memory; {@code origin} names them in error messages. */
  static List<Line> parse(String origin, List<String> texts) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text.isBlank() || text.stripLeading().startsWith("#")) {
        continue;
      }
      lines.add(new Line(origin, i + 1, Arrays.stream(text.split("\t", -1)).map(String::trim).toList()));
    }
    return lines;
  }
}
