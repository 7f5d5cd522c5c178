package dev.chatsignal.topics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Regenerates the fitted models, {@code src/main/resources/topics/sensitive_gate_v1.bin} (about 2 s),
 * {@code keyword_sense_v1.bin} (about 6 s; it encodes its examples) and {@code topic_gate_v1.bin}
 * (about 4 minutes), after their examples, the model or the fit settings change. Run
 * {@link PrototypeVectorsWriter} first: the two gates fit the stored vectors. From the repository root:
 * {@code java -cp target/test-classes:target/classes:<test classpath> dev.chatsignal.topics.FittedModelsWriter}.
 * With {@code --stale-only}, a model whose file already carries the stamp of its current example texts is
 * left as it is (so a lexicon edit re-fits only the keyword-sense model in seconds); the stamps do not
 * cover the stored vectors' values or the fitting code, so after {@link PrototypeVectorsWriter} or a change
 * to {@link SoftmaxRegression} run it without the flag. The gates' fits are deterministic, so a gate
 * re-fitted from unchanged inputs is rewritten bit for bit; the keyword-sense fit reads live model
 * outputs, which may differ in the last bits on another CPU.
 * Test-scope tool.
 */
final class FittedModelsWriter {
  private FittedModelsWriter() {}

  public static void main(String[] args) throws IOException {
    boolean staleOnly = java.util.Arrays.asList(args).contains("--stale-only");
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      // the vectors as shipped in the source tree (target/classes may still hold an older copy)
      PrototypeVectors vectors = PrototypeVectors.read(encoder,
          Files.newInputStream(Path.of("src/main/resources" + PrototypeVectors.DEFAULT_RESOURCE)));
      Taxonomy taxonomy = Taxonomy.loadDefault();
      Map.Entry<List<String>, int[]> sensitive = SensitiveGate.examples();
      write(staleOnly, SensitiveGate.MODEL, SensitiveGate.digest(vectors.modelId(), sensitive), sensitive.getValue().length,
          () -> SensitiveGate.fit(vectors, sensitive));
      List<KeywordSense.Example> keywords = KeywordSense.examples(SensitiveLexicon.load(SensitiveLexicon.DEFAULT_RESOURCE));
      write(staleOnly, KeywordSense.MODEL, KeywordSense.digest(encoder.modelId(), keywords), keywords.size(),
          () -> KeywordSense.fit(encoder, keywords));
      Map.Entry<List<String>, int[]> topics = TopicGate.examples(taxonomy);
      write(staleOnly, TopicGate.MODEL, TopicGate.digest(vectors.modelId(), topics), topics.getValue().length,
          () -> TopicGate.fit(vectors, topics, taxonomy.size()));
    }
  }

  private static void write(boolean staleOnly, StampedModel file, String digest, int examples,
      java.util.function.Supplier<SoftmaxRegression> fit) throws IOException {
    Path out = Path.of("src/main/resources" + file.resource());
    if (staleOnly && Files.exists(out)) {
      try (var in = Files.newInputStream(out)) {
        if (file.read(in, digest) != null) {
          System.out.printf("up to date (stamp matches) -> %s%n", out);
          return;
        }
      }
    }
    long start = System.nanoTime();
    SoftmaxRegression model = fit.get();
    try (OutputStream o = Files.newOutputStream(out)) {
      file.write(model, digest, o);
    }
    System.out.printf("fitted %d examples in %.1f s -> %s%n", examples,
        (System.nanoTime() - start) / 1e9, out);
  }
}
