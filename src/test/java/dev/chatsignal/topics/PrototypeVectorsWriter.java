package dev.chatsignal.topics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regenerates {@code src/main/resources/topics/prototype_vectors_v1.bin} after a prototype file or the
 * model changes. Run from the repository root:
 * {@code java -cp target/test-classes:target/classes:<test classpath> dev.chatsignal.topics.PrototypeVectorsWriter}.
 * Test-scope tool.
 */
final class PrototypeVectorsWriter {
  private PrototypeVectorsWriter() {}

  /** Every prototype sentence the hybrid classifier embeds, normalized. */
  static List<String> prototypeSentences(Taxonomy taxonomy) {
    List<String> sentences = new ArrayList<>();
    taxonomy.all().forEach(t -> sentences.add(TextNormalizer.normalized(t.name())));
    for (String resource : List.of(SensitiveGate.DEFAULT_RESOURCE, TopicMatcher.DEFAULT_RESOURCE)) {
      LexiconFile.read(resource).forEach(line -> sentences.add(TextNormalizer.normalized(line.field(1))));
    }
    return sentences;
  }

  public static void main(String[] args) throws IOException {
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      Map<String, float[]> vectors = new LinkedHashMap<>();
      for (String s : prototypeSentences(Taxonomy.loadDefault())) {
        vectors.computeIfAbsent(s, encoder::encode);
      }
      Path out = Path.of("src/main/resources/topics/prototype_vectors_v1.bin");
      try (OutputStream o = Files.newOutputStream(out)) {
        PrototypeVectors.write(vectors, o);
      }
      System.out.println("wrote " + vectors.size() + " vectors to " + out);
    }
  }
}
