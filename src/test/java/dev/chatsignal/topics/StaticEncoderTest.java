package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaticEncoderTest {
  private static StaticEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = StaticEncoder.loadDefault();
  }

  @Test
  void generatedVectors_coverTheLowerCaseVocabularyOfTheModel() throws IOException {
    assertEquals("static-" + SentenceEncoder.MODEL_ID, encoder.modelId());
    assertEquals(StaticVectorsWriter.vocabulary().size(), encoder.vocabularySize());
    assertEquals(SentenceEncoder.DIMENSIONS, encoder.dimensions());
  }

  /* A stale file (another model, another distillation) fails here; rebuild with mvn process-classes. */
  @Test
  void generatedVectors_matchTheModelsOwnOutputPerToken() throws IOException {
    List<Map.Entry<String, Integer>> vocabulary = StaticVectorsWriter.vocabulary();
    try (SentenceEncoder model = new SentenceEncoder()) {
      for (int i : new int[] {0, vocabulary.size() / 3, vocabulary.size() - 1}) {
        Map.Entry<String, Integer> token = vocabulary.get(i);
        float[] expected = SentenceEncoder.normalize(model.encodeTokens(new int[] {token.getValue()})[0]);
        String word = token.getKey().startsWith("##") ? null : token.getKey();
        if (word != null) {
          double cos = SentenceEncoder.dot(expected, encoder.encode(word));
          // int8 storage costs up to ~0.02 on vectors with one dominant component; another model is ~0.3
          assertTrue(cos > 0.95, token + " cosine " + cos);
        }
      }
    }
  }

  @Test
  void encode_ranksTopicalNeighboursAboveUnrelatedText() {
    float[] boots = encoder.encode("waterproof hiking boots for the trail");
    double near = SentenceEncoder.dot(boots, encoder.encode("hiking camping"));
    double far = SentenceEncoder.dot(boots, encoder.encode("mortgage refinancing rates"));
    assertTrue(near > far + 0.1, "near " + near + " far " + far);
  }

  @Test
  void encode_splitsUnknownWordsIntoWordPieces_andSkipsOverlongOnes() {
    float[] pieces = encoder.encode("hikingboots");
    assertTrue(SentenceEncoder.dot(pieces, pieces) > 0.99, "a word made of known pieces has a vector");
    assertArrayEquals(new float[encoder.dimensions()], encoder.encode("a".repeat(StaticEncoder.MAX_WORD_CHARS + 1)));
    assertArrayEquals(new float[encoder.dimensions()], encoder.encode(""));
  }

  @Test
  void frequentWords_weighLessThanRareOnes() {
    float[] withFiller = encoder.encode("the the the the kayak");
    double kayak = SentenceEncoder.dot(withFiller, encoder.encode("kayak"));
    assertTrue(kayak > 0.8, "four times 'the' must not drown 'kayak': cosine " + kayak);
  }

  @Test
  void writeThenRead_keepsEveryTokenVector() throws IOException {
    float[][] vectors = {{0.5f, -1f, 0.25f}, {0f, 2f, -2f}};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StaticEncoder.write("m", new String[] {"trail", "##s"}, new int[] {3000, 3001}, vectors, out);
    StaticEncoder read = StaticEncoder.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals("static-m", read.modelId());
    float[] trail = read.encode("trail");
    double cos = SentenceEncoder.dot(trail, SentenceEncoder.normalize(vectors[0].clone()));
    assertTrue(cos > 0.999, "cosine " + cos);
    double plural = SentenceEncoder.dot(read.encode("trails"), trail);
    assertTrue(plural < 0.99, "'trails' adds the '##s' piece: cosine " + plural);
  }
}
