package dev.chatsignal.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under {@code deploy/} and {@code docs/}, read from the project directory (Maven runs tests
 * there). YAML and JSON are both parsed with SnakeYAML (JSON is YAML), into plain maps and lists.
 */
final class DeployFiles {
  private DeployFiles() {}

  static Path path(String relative) {
    Path p = Path.of(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException(p.toAbsolutePath() + " is missing");
    }
    return p;
  }

  static String text(String relative) throws IOException {
    return Files.readString(path(relative), StandardCharsets.UTF_8);
  }

  /** The single YAML (or JSON) document in a file, as a map. */
  static Map<String, Object> yaml(String relative) throws IOException {
    return parse(text(relative));
  }

  static Map<String, Object> parse(String yamlOrJson) {
    Object doc = yaml().load(yamlOrJson);
    if (!(doc instanceof Map)) {
      throw new IllegalStateException("expected a mapping, got " + doc);
    }
    return Node.map(doc);
  }

  /** Every non-empty document of a multi-document YAML stream. */
  static List<Map<String, Object>> documents(String yamlStream) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : yaml().loadAll(yamlStream)) {
      if (doc != null) {
        docs.add(Node.map(doc));
      }
    }
    return docs;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(16 * 1024 * 1024);
    return new Yaml(options);
  }
}
