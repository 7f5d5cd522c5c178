package dev.chatsignal.topics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Regenerates {@code src/main/resources/topics/topic_gate_v1.bin} after the topic names or examples, the
 * model or the fit settings change (run {@link PrototypeVectorsWriter} first, since the fit reads the
 * stored vectors). Run from the repository root:
 * {@code java -cp target/test-classes:target/classes:<test classpath> dev.chatsignal.topics.TopicGateWriter}.
 * Test-scope tool.
 */
final class TopicGateWriter {
  private TopicGateWriter() {}

  public static void main(String[] args) throws IOException {
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      // the vectors as shipped in the source tree (target/classes may still hold an older copy)
      PrototypeVectors vectors = PrototypeVectors.read(encoder,
          Files.newInputStream(Path.of("src/main/resources" + PrototypeVectors.DEFAULT_RESOURCE)));
      Map.Entry<List<String>, int[]> examples = TopicGate.examples(Taxonomy.loadDefault());
      long start = System.nanoTime();
      SoftmaxRegression model = TopicGate.fit(vectors, examples, Taxonomy.loadDefault().size());
      Path out = Path.of("src/main/resources" + TopicGate.WEIGHTS_RESOURCE);
      try (OutputStream o = Files.newOutputStream(out)) {
        TopicGate.write(model, TopicGate.digest(vectors.modelId(), examples), o);
      }
      System.out.printf("fitted %d examples in %.1f s -> %s%n", examples.getValue().length,
          (System.nanoTime() - start) / 1e9, out);
    }
  }
}
