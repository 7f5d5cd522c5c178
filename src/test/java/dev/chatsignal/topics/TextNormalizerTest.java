package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void punctuationCaseAndFillers_areRemoved() {
    assertArrayEquals(new String[] {"im", "hiking", "in", "the", "rockies"},
        TextNormalizer.tokenize("Um, I'm HIKING — uh, you know — in the Rockies!").raw());
  }

  @Test
  void spelledOutLetters_mergeIntoOneWord() {
    assertArrayEquals(new String[] {"face", "id"}, TextNormalizer.tokenize("face i d").raw());
    assertArrayEquals(new String[] {"dna", "test"}, TextNormalizer.tokenize("d n a test").raw());
  }

  @Test
  void diacritics_andCurlyApostrophes_fold() {
    assertArrayEquals(new String[] {"cafe", "parkinsons"}, TextNormalizer.tokenize("Café Parkinson’s").raw());
  }

  @Test
  void stemmer_givesInflectionsOneStem() {
    for (String w : new String[] {"hike", "hikes", "hiked", "hiking"}) {
      assertEquals("hik", Stemmer.stem(w), w);
    }
    assertEquals(Stemmer.stem("baby"), Stemmer.stem("babies"));
    assertEquals(Stemmer.stem("movie"), Stemmer.stem("movies"));
    assertEquals(Stemmer.stem("run"), Stemmer.stem("running"));
    assertEquals("news", Stemmer.stem("news"));
  }
}
