package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrototypeVectorsTest {
  private static SentenceEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = new SentenceEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  /* When this fails, a prototype file changed: run PrototypeVectorsWriter (see its Javadoc). */
  @Test
  void shippedVectors_coverEveryPrototypeSentence() {
    PrototypeVectors vectors = PrototypeVectors.load(encoder);
    List<String> missing = PrototypeVectorsWriter.prototypeSentences().stream()
        .filter(s -> !vectors.isStored(s)).toList();
    assertEquals(List.of(), missing, "regenerate prototype_vectors_v1.bin with PrototypeVectorsWriter");
  }

  @Test
  void shippedVectors_matchTheModel() {
    PrototypeVectors vectors = PrototypeVectors.load(encoder);
    List<String> sentences = PrototypeVectorsWriter.prototypeSentences();
    for (String s : List.of(sentences.get(0), sentences.get(sentences.size() / 2), sentences.get(sentences.size() - 1))) {
      assertTrue(vectors.isStored(s), s);
      double cos = SentenceEncoder.dot(vectors.vectorOf(s), encoder.encode(s));
      assertTrue(cos > 0.995, s + " cosine " + cos);
    }
  }

  @Test
  void int8RoundTrip_keepsCosineWithinHalfAPercent() throws IOException {
    float[] v = encoder.encode("what is the best dog food for a puppy");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrototypeVectors.write(Map.of("x", v), out);
    PrototypeVectors read = PrototypeVectors.read(encoder, new ByteArrayInputStream(out.toByteArray()));
    assertTrue(read.isStored("x"));
    double cos = SentenceEncoder.dot(v, read.vectorOf("x"));
    assertTrue(cos > 0.995, "cosine after int8 round trip " + cos);
  }
}
