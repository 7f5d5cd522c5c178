package dev.chatsignal.topics;

/**
 * The words of a text that a classifier embedded, and the sentence encoder's output for them: the
 * sentence vector and, by word span, a word's vector in its sentence (what {@link KeywordSense}
 * reads). The words are joined by single spaces, so each word's characters in the encoded text are
 * known. One model run gives both. Immutable; not retained by the encoder.
 */
final class EmbeddedWords {
  /** Words of a text that go through the sentence encoder; the rest is read by the lexicon only. */
  static final int MAX_WORDS = 24;

  private final SentenceEncoder.Encoded encoded;
  private final int[] starts;
  private final int[] ends;

  private EmbeddedWords(SentenceEncoder.Encoded encoded, int[] starts, int[] ends) {
    this.encoded = encoded;
    this.starts = starts;
    this.ends = ends;
  }

  /** Encodes the first {@code maxWords} of {@code words} (at least one). */
  static EmbeddedWords of(SentenceEncoder encoder, String[] words, int maxWords) {
    if (words.length == 0 || maxWords < 1) {
      throw new IllegalArgumentException("words: " + words.length + ", maxWords: " + maxWords + " (expected: >= 1)");
    }
    int n = Math.min(words.length, maxWords);
    StringBuilder text = new StringBuilder();
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        text.append(' ');
      }
      starts[i] = text.length();
      text.append(words[i]);
      ends[i] = text.length();
    }
    return new EmbeddedWords(encoder.encodeWithPieces(text.toString()), starts, ends);
  }

  float[] sentence() {
    return encoded.sentence();
  }

  /** The unit vector of words {@code [start, start + length)} in context; null beyond the embedded words. */
  float[] span(int start, int length) {
    int end = start + length;
    if (start < 0 || length < 1 || end > starts.length) {
      return null;
    }
    return encoded.span(starts[start], ends[end - 1]);
  }
}
