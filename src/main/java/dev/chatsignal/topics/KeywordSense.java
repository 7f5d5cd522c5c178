package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tells in which sense a sensitive keyword is used: its own sense ("the flu virus", "what are the
 * treatments for lupus", "my union dues"), or another ("my laptop caught a virus", "a strike in
 * bowling", "Faith Hill tickets"). It reads the keyword's output vector in its sentence
 * ({@link EmbeddedWords#span}), which the sentence encoder computes anyway, with a linear
 * model ({@link SoftmaxRegression}, two labels) fitted to:
 * <ul>
 *   <li>every keyword the lexicon finds in the disclosures of {@code sensitive_prototypes_v3.tsv}
 *       (own sense);
 *   <li>{@code keyword_senses_v1.tsv}: keywords in written sentences and in read keyword traps,
 *       each marked {@code S} (own sense, with or without a disclosure) or {@code O} (another sense).
 * </ul>
 *
 * <p>Why a word's vector and not the sentence's: the question is the word's sense, and the sentence
 * vector mostly says what the sentence is about. An impersonal question ("what is lupus") and a trap
 * ("lupus the band") are both undisclosing sentences, and only the word tells them apart; a veto on the
 * sentence vector cost shared recall at every level tried (docs/classifier.md).
 *
 * <p>The weights ship as {@code keyword_sense_v1.bin}, stamped like {@link SensitiveGate}'s; a stale
 * stamp makes start-up fit again, which encodes every example (about 6 s). Immutable and
 * thread-safe.
 */
final class KeywordSense {
  static final String EXAMPLES_RESOURCE = "/topics/keyword_senses_v1.tsv";
  /*
   * The weights file and the fit settings (L2 0.003, 400 steps, rate 0.5; the settings are in the stamp).
   * Two labels share each step's gradient, so rate 0.5 moves their difference as a binary model's 1.0 would.
   */
  static final StampedModel MODEL = new StampedModel(0x43534b53 /* "CSKS" */, "/topics/keyword_sense_v1.bin", 0.003, 400, 0.5);
  private static final int OTHER = 0;
  private static final int SAME = 1;

  private final SoftmaxRegression model;

  KeywordSense(SoftmaxRegression model) {
    if (model.labels() != 2) {
      throw new IllegalArgumentException("labels: " + model.labels() + " (expected: 2)");
    }
    this.model = model;
  }

  /** One training keyword: a text, the keyword's token span in it, and its sense. */
  record Example(String text, int start, int length, boolean sameSense) {}

  /** The shipped model: the weights file when its stamp matches the examples, else a fresh fit. */
  static KeywordSense load(SentenceEncoder encoder, SensitiveLexicon lexicon) {
    List<Example> examples = examples(lexicon);
    return new KeywordSense(MODEL.loadOrFit(digest(encoder.modelId(), examples), () -> fit(encoder, examples)));
  }

  /**
   * The training keywords: each lexicon cue of a disclosure's own category in the gate's examples
   * (own sense), then each keyword of {@code keyword_senses_v1.tsv}. A keyword beyond the words the
   * classifier embeds is left out.
   */
  static List<Example> examples(SensitiveLexicon lexicon) {
    return examples(lexicon, LexiconFile.read(EXAMPLES_RESOURCE));
  }

  /** As above, with the lines of a keyword-sense file; fails naming a bad line. */
  static List<Example> examples(SensitiveLexicon lexicon, List<LexiconFile.Line> keywordLines) {
    List<Example> out = new ArrayList<>();
    Map.Entry<List<String>, int[]> disclosures = SensitiveGate.examples();
    SensitiveCategory[] categories = SensitiveCategory.values();
    for (int i = 0; i < disclosures.getValue().length; i++) {
      if (disclosures.getValue()[i] >= categories.length) {
        continue; // NONE
      }
      SensitiveCategory category = categories[disclosures.getValue()[i]];
      String text = disclosures.getKey().get(i);
      TextNormalizer.Tokens tokens = TextNormalizer.tokenize(text);
      for (SensitiveLexicon.Cue cue : lexicon.inspect(tokens).cues()) {
        if (cue.category() == category && cue.start() + cue.length() <= EmbeddedWords.MAX_WORDS) {
          out.add(new Example(text, cue.start(), cue.length(), true));
        }
      }
    }
    for (LexiconFile.Line line : keywordLines) {
      SensitiveLexicon.parseCategory(line); // checked, for review; the fit reads only the sense
      boolean same = switch (line.field(1)) {
        case "S" -> true;
        case "O" -> false;
        default -> throw line.error("sense '" + line.field(1) + "' (expected: S or O)");
      };
      String[] keyword = TextNormalizer.tokenize(line.field(2)).raw();
      String text = line.field(3);
      int at = indexOf(TextNormalizer.tokenize(text).raw(), keyword);
      if (keyword.length == 0 || at < 0) {
        throw line.error("keyword '" + line.field(2) + "' not in its text");
      }
      if (at + keyword.length <= EmbeddedWords.MAX_WORDS) {
        out.add(new Example(text, at, keyword.length, same));
      }
    }
    return out;
  }

  private static int indexOf(String[] words, String[] phrase) {
    for (int i = 0; i + phrase.length <= words.length; i++) {
      if (Arrays.equals(words, i, i + phrase.length, phrase, 0, phrase.length)) {
        return i;
      }
    }
    return -1;
  }

  /** The examples' keyword vectors and labels: what a fit reads. */
  record Data(float[][] x, int[] y) {}

  /** Encodes each example's sentence and takes its keyword's vector; a keyword with no piece is left out. */
  static Data vectors(SentenceEncoder encoder, List<Example> examples) {
    List<float[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (Example e : examples) {
      String[] words = TextNormalizer.tokenize(e.text()).raw();
      float[] v = EmbeddedWords.of(encoder, words, EmbeddedWords.MAX_WORDS).span(e.start(), e.length());
      if (v != null) {
        x.add(v);
        y.add(e.sameSense() ? SAME : OTHER);
      }
    }
    return new Data(x.toArray(new float[0][]), y.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Fits the model to the examples' keyword vectors. */
  static SoftmaxRegression fit(SentenceEncoder encoder, List<Example> examples) {
    return fit(vectors(encoder, examples));
  }

  static SoftmaxRegression fit(Data data) {
    return MODEL.fit(data.x(), data.y(), 2);
  }

  /** What the fit depends on, as a hex SHA-256: model, settings, every keyword span and sense. */
  static String digest(String modelId, List<Example> examples) {
    List<String> keys = new ArrayList<>();
    int[] labels = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      keys.add(e.start() + " " + e.length() + " " + e.text());
      labels[i] = e.sameSense() ? SAME : OTHER;
    }
    return StampedModel.digestOf(MODEL.header(modelId) + "|" + EmbeddedWords.MAX_WORDS, Map.entry(keys, labels));
  }

  /** The probability that the keyword whose vector in its sentence is {@code v} is used in its own sense. */
  double sameSense(float[] v) {
    return model.probabilities(v)[SAME];
  }
}
