package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedWordsTest {
  private static SentenceEncoder encoder;

  @BeforeAll
  static void open() {
    encoder = new SentenceEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void sentence_isTheEncodersVectorOfTheJoinedWords() {
    float[] v = EmbeddedWords.of(encoder, "what trails do you recommend".split(" "), 24).sentence();
    assertEquals(1.0, SentenceEncoder.dot(v, v), 1e-5);
    assertTrue(SentenceEncoder.dot(v, EmbeddedWords.of(encoder, "what trails do".split(" "), 24).sentence()) < 0.999,
        "more words, another sentence");
    float[] cut = EmbeddedWords.of(encoder, "what trails do you recommend".split(" "), 3).sentence();
    assertEquals(1.0, SentenceEncoder.dot(cut, EmbeddedWords.of(encoder, "what trails do".split(" "), 24).sentence()),
        1e-6, "only the first maxWords are embedded");
  }

  @Test
  void embeddedSpans_readAWordInContext_andNothingBeyondWhatWasRead() {
    EmbeddedWords laptop = EmbeddedWords.of(encoder, "my laptop caught a virus".split(" "), 24);
    EmbeddedWords flu = EmbeddedWords.of(encoder, "the flu virus kept me in bed".split(" "), 24);
    float[] virusA = laptop.span(4, 1);
    float[] virusB = flu.span(2, 1);
    assertEquals(1.0, SentenceEncoder.dot(virusA, virusA), 1e-5);
    assertTrue(SentenceEncoder.dot(virusA, virusB) < 0.95, "the same word reads differently in two sentences");
    assertNull(laptop.span(5, 1), "beyond the words");
    assertNull(EmbeddedWords.of(encoder, "the flu virus kept me in bed".split(" "), 3).span(2, 2),
        "partly beyond the embedded words");
    // a word of several pieces, and a two-word span, are one vector each
    EmbeddedWords heart = EmbeddedWords.of(encoder, "my tachycardia and atrial fibrillation".split(" "), 24);
    assertNotNull(heart.span(1, 1));
    float[] both = heart.span(3, 2);
    assertTrue(SentenceEncoder.dot(both, heart.span(3, 1)) < 0.999 && SentenceEncoder.dot(both, heart.span(4, 1)) < 0.999);
    assertThrows(IllegalArgumentException.class, () -> EmbeddedWords.of(encoder, new String[0], 24));
  }

  /* 24 words of 60 letters are far more than the model's 512 pieces: what truncation cut is not judged. */
  @Test
  void truncatedText_judgesOnlyWholeWords() {
    java.util.Random random = new java.util.Random(7);
    String[] words = new String[24];
    for (int i = 0; i < words.length; i++) {
      StringBuilder w = new StringBuilder();
      for (int j = 0; j < 60; j++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      words[i] = w.toString();
    }
    EmbeddedWords long24 = EmbeddedWords.of(encoder, words, 24);
    assertNotNull(long24.span(0, 1));
    assertNull(long24.span(23, 1));
    int lastRead = 0;
    while (lastRead + 1 < words.length && long24.span(lastRead + 1, 1) != null) {
      lastRead++;
    }
    assertTrue(lastRead < 23, "some words were cut: " + lastRead);
  }
}
