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

  /**
   * Every sentence the sentence encoder embeds for a fit, normalized: the sensitive gate's examples, then
   * the topic model's (topic names and examples). The nearest-example topic matcher reads the same
   * names and examples through the {@link StaticEncoder}, which needs no cache.
   */
  static List<String> prototypeSentences() {
    List<String> sentences = new ArrayList<>();
    LexiconFile.read(SensitiveGate.DEFAULT_RESOURCE).forEach(line -> sentences.add(TextNormalizer.normalized(line.field(1))));
    TopicGate.examples(Taxonomy.loadDefault()).getKey().forEach(s -> sentences.add(TextNormalizer.normalized(s)));
    return sentences;
  }

  public static void main(String[] args) throws IOException {
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      Map<String, float[]> vectors = new LinkedHashMap<>();
      for (String s : prototypeSentences()) {
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
