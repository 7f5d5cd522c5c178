package dev.chatsignal.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A labeled CSV evaluation file, read by header name. Test fixture only. */
final class EvalSet {
  private final List<Map<String, String>> rows;

  private EvalSet(List<Map<String, String>> rows) {
    this.rows = rows;
  }

  /** The shared data directory from the {@code chatsignal.shared.dir} property; fails when absent. */
  static Path sharedDataDir() {
    String dir = System.getProperty("chatsignal.shared.dir");
    if (dir == null) {
      throw new AssertionError("system property chatsignal.shared.dir is not set (surefire sets it to ../shared)");
    }
    Path data = Path.of(dir, "data");
    if (!Files.isDirectory(data)) {
      throw new AssertionError("evaluation data directory missing: " + data.toAbsolutePath()
          + " (expected the shared checkout next to this repository)");
    }
    return data;
  }

  static EvalSet read(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EvalSet parse(List<String> lines) {
    List<String> header = null;
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = CsvRecords.split(line);
      if (header == null) {
        header = fields;
        continue;
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
      }
      rows.add(row);
    }
    return new EvalSet(rows);
  }

  List<Map<String, String>> rows() {
    return rows;
  }
}
