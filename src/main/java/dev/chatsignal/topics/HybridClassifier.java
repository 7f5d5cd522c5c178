package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lexicon ({@link LexiconClassifier}), an in-process sentence embedding ({@link SentenceEncoder},
 * all-MiniLM-L6-v2) with three linear models over it ({@link SensitiveGate} and {@link TopicGate} on the
 * sentence vector, {@link KeywordSense} on a keyword's vector in its sentence), and static token vectors
 * distilled from the same model ({@link StaticEncoder}, {@link TopicMatcher}) combined. A text is
 * sensitive when the lexicon or the sensitive model says so, with four rules for keyword traps (trapped
 * categories, doubt contexts, keyword sense, see {@link #decide(Trace, double)}); topics rank
 * by lexicon confidence plus the topic model's probability plus a little of the static vectors'
 * nearest-example ranking.
 *
 * <p>Why each part: the lexicon is exact, auditable and catches a single strong word anywhere in a long
 * turn; the sentence embedding catches paraphrase the lexicon never listed ("i cannot hear the
 * teacher", "how do i talk to my kids about racism"), and linear models over it, fitted to written
 * examples, found more on held-out chats than nearest examples did. The static ranking is the one the
 * ads-sensitive-topic rule was measured with, so that rule keeps reading it. For sensitive categories a
 * miss is the costly error, so the union is reported (fail closed), less only what the trap rules read
 * as another sense.
 *
 * <p>Contract: at most {@value LexiconClassifier#MAX_TOPICS} topics, best first, confidences in (0, 1]
 * calibrated on the shared interest set (docs/classifier.md); every sensitive category found, including
 * that of an ads-sensitive topic of the nearest-example ranking at confidence
 * {@value #SENSITIVE_TOPIC_CONFIDENCE} or more. Typed text and its transcript are encoded from the same
 * normalized words. Only the first {@value #MAX_WORDS} words go through the sentence encoder (the
 * lexicon and the static vectors read all). Thread-safe; the text is never retained or logged.
 * Construction loads the model (about 1-2 s; example vectors and fitted weights are precomputed, see
 * {@link PrototypeVectors}).
 */
public final class HybridClassifier implements TextClassifier, AutoCloseable {
  static final int MAX_WORDS = EmbeddedWords.MAX_WORDS;
  /* Encoder cost grows with length; the cap bounds the tail (docs/classifier.md has the trade-off). */
  private final int maxWords;
  /* Weight of embedding similarity against lexicon confidence in a topic's score. */
  static final double EMBEDDING_WEIGHT = 0.5;
  /* A topic with no lexicon support is a candidate only this close to the text. */
  static final double TOPIC_FLOOR = 0.60;
  /*
   * An ads-sensitive topic among the results adds its category only at this confidence: the static
   * topic vectors also rank faint neighbours ("labor day sales" puts Labor & Employment Law third at
   * 0.07), which are no evidence of a disclosure. 0.1 to 0.3 measured the same (docs/classifier.md).
   */
  static final double SENSITIVE_TOPIC_CONFIDENCE = 0.2;
  /*
   * When the lexicon met a category's keyword in a known trap context ("cancer" with "zodiac"), the
   * sentence embedding must give that category this probability, not the usual threshold, to report
   * it: its probability was likely raised by the same keyword. Topics of a trapped category add nothing.
   */
  static final double TRAPPED_THRESHOLD = 0.94;
  /*
   * A lexicon category whose keywords sit in a doubt context (a film, a game, a pet; DoubtContexts)
   * is reported only when the sentence embedding gives it at least this probability.
   */
  static final double DOUBT_SUPPORT = 0.2;
  /*
   * A lexicon category of SENSE_JUDGED whose every keyword the sense model ({@link KeywordSense}) gives
   * an own-sense probability below this is not reported from the lexicon or its topics (the sentence
   * model may still report it). The floor is low because a miss costs more than a false alarm: at 0.1
   * every held-out disclosure that hybrid-v8 found is still found, while 0.2 and 0.3 lost some
   * (docs/classifier.md).
   * Not judged: health and racial or ethnic origin, whose keywords are asked about impersonally so
   * often ("what are the symptoms of endocarditis") that the model read many in another sense; and
   * trade-union membership, whose keywords are mostly names ("teamster", "ibew") that the model reads
   * like brand names.
   */
  static final double SENSE_FLOOR = 0.1;
  static final Set<SensitiveCategory> SENSE_JUDGED = Collections.unmodifiableSet(EnumSet.of(
      SensitiveCategory.RELIGION_OR_BELIEF, SensitiveCategory.POLITICAL_OPINION,
      SensitiveCategory.SEX_LIFE_OR_ORIENTATION, SensitiveCategory.GENETIC, SensitiveCategory.BIOMETRIC));
  /* Topic score = lexicon + this x topic-model probability + NEAREST_WEIGHT x nearest-example confidence. */
  static final double TOPIC_MODEL_WEIGHT = 2.0;
  static final double NEAREST_WEIGHT = 0.25;
  /* Only the topic model's most probable topics become candidates. */
  static final int TOPIC_MODEL_CANDIDATES = 10;
  /* Platt scaling of the topic score to a probability of being a right topic (docs/classifier.md). */
  static final double CALIBRATION_SLOPE = 2.92;
  static final double CALIBRATION_OFFSET = 0.95;
  /*
   * The nearest-example ranking keeps the calibration it was measured with (hybrid-v6): the sensitive
   * rule's floor and the blend's NEAREST_WEIGHT both read its confidences.
   */
  static final double NEAREST_SLOPE = 4.0;
  static final double NEAREST_OFFSET = 1.03;
  private static final String VERSION = "hybrid-v13(" + LexiconClassifier.VERSION + "+"
      + SentenceEncoder.MODEL_ID + "+static-" + SentenceEncoder.MODEL_ID + ")";

  private final Taxonomy taxonomy;
  private final LexiconClassifier lexicon;
  private final SentenceEncoder encoder;
  private final StaticEncoder topicEncoder;
  private final SensitiveGate gate;
  private final TopicMatcher topics;
  private final DoubtContexts doubts;
  private final TopicGate topicGate;
  private final KeywordSense senses;

  /** Loads the lexicons, the embedding model and the shipped prototypes. */
  public HybridClassifier(Taxonomy taxonomy) {
    this(taxonomy, MAX_WORDS);
  }

  /** As above, embedding at most {@code maxWords} words of each text (for latency experiments). */
  HybridClassifier(Taxonomy taxonomy, int maxWords) {
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords: " + maxWords + " (expected: >= 1)");
    }
    this.maxWords = maxWords;
    this.taxonomy = taxonomy;
    this.lexicon = new LexiconClassifier(taxonomy);
    this.encoder = new SentenceEncoder();
    try {
      this.senses = KeywordSense.load(encoder, lexicon.sensitiveLexicon());
      this.topicEncoder = StaticEncoder.loadDefault();
      PrototypeVectors examples = PrototypeVectors.load(encoder);
      this.gate = SensitiveGate.load(examples);
      this.doubts = DoubtContexts.load(DoubtContexts.DEFAULT_RESOURCE);
      this.topicGate = TopicGate.load(taxonomy, examples);
      this.topics = TopicMatcher.load(taxonomy, PrototypeVectors.load(topicEncoder));
    } catch (RuntimeException | Error e) {
      encoder.close(); // the native session and tokenizer are not left behind
      throw e;
    }
  }

  /**
   * Everything the decision used, for evaluation and curves. Never logged. {@code keywordSenses} holds,
   * by category ordinal, the highest own-sense probability among that category's lexicon keywords (1
   * for a keyword beyond the embedded words, which is not judged); -1 when the sensitive lexicon did
   * not find the category (no keyword, or only a topic-lexicon word).
   */
  record Trace(Classification lexicon, Set<SensitiveCategory> trapped, Set<SensitiveCategory> doubted,
      double[] sensitiveProbabilities, double[] topicSimilarities, double[] topicProbabilities,
      double[] keywordSenses) {}

  @Override
  public Classification classify(String text) {
    Trace trace = trace(text);
    return trace == null ? Classification.EMPTY : decide(trace);
  }

  /** The lexicon result and the embedding similarities of {@code text}; null for empty text. */
  Trace trace(String text) {
    TextNormalizer.Tokens tokens = TextNormalizer.tokenize(text);
    String[] words = tokens.raw();
    if (words.length == 0) {
      return null;
    }
    EmbeddedWords embedded = EmbeddedWords.of(encoder, words, maxWords);
    float[] v = embedded.sentence();
    float[] tv = topicEncoder.encode(String.join(" ", words));
    LexiconClassifier.Reading reading = lexicon.read(tokens);
    return new Trace(reading.classification(), reading.trapped(), doubts.doubted(tokens), gate.probabilities(v),
        topics.similarities(tv), topicGate.probabilities(v), keywordSenses(embedded, reading));
  }

  /* Only categories the sensitive lexicon found are judged; one from a topic-lexicon word is not. */
  private double[] keywordSenses(EmbeddedWords embedded, LexiconClassifier.Reading reading) {
    double[] out = new double[SensitiveCategory.values().length];
    Arrays.fill(out, -1);
    for (SensitiveLexicon.Cue cue : reading.cues()) {
      int c = cue.category().ordinal();
      if (reading.keywordCategories().contains(cue.category()) && out[c] < 1) {
        float[] v = embedded.span(cue.start(), cue.length());
        out[c] = Math.max(out[c], v == null ? 1 : senses.sameSense(v));
      }
    }
    return out;
  }

  /** The classification a trace leads to at the shipped operating point. */
  Classification decide(Trace trace) {
    return decide(trace, SensitiveGate.DEFAULT_THRESHOLD);
  }

  /** The classification a trace leads to at a given embedding threshold (for curves). */
  Classification decide(Trace trace, double threshold) {
    EnumSet<SensitiveCategory> categories = EnumSet.noneOf(SensitiveCategory.class);
    double[] p = trace.sensitiveProbabilities();
    EnumSet<SensitiveCategory> otherSense = EnumSet.noneOf(SensitiveCategory.class);
    for (SensitiveCategory c : SENSE_JUDGED) {
      double sense = trace.keywordSenses()[c.ordinal()];
      if (sense >= 0 && sense < SENSE_FLOOR) {
        otherSense.add(c);
      }
    }
    for (SensitiveCategory c : trace.lexicon().sensitiveCategories()) {
      if ((!trace.doubted().contains(c) || p[c.ordinal()] >= DOUBT_SUPPORT) && !otherSense.contains(c)) {
        categories.add(c);
      }
    }
    Set<SensitiveCategory> clear = SensitiveGate.detect(p, Math.max(threshold, TRAPPED_THRESHOLD));
    for (SensitiveCategory c : SensitiveGate.detect(p, threshold)) {
      if (!trace.trapped().contains(c) || clear.contains(c)) {
        categories.add(c);
      }
    }
    List<TopicScore> nearest = rankTopics(trace);
    for (TopicScore t : nearest) {
      if (t.confidence() >= SENSITIVE_TOPIC_CONFIDENCE) {
        taxonomy.sensitiveCategoryOf(t.topicId())
            .filter(c -> !trace.trapped().contains(c) && !otherSense.contains(c))
            .ifPresent(categories::add);
      }
    }
    return new Classification(blendTopics(trace, nearest), categories);
  }

  /*
   * The topics reported: lexicon confidence + TOPIC_MODEL_WEIGHT x the topic model's probability +
   * NEAREST_WEIGHT x the nearest-example ranking's confidence, calibrated. The sensitive decision keeps
   * reading the nearest-example ranking alone, the one its floor was measured with.
   */
  private List<TopicScore> blendTopics(Trace trace, List<TopicScore> nearest) {
    Map<Integer, Double> score = new HashMap<>();
    for (TopicScore t : trace.lexicon().topics()) {
      score.merge(t.topicId(), t.confidence(), Double::sum);
    }
    double[] p = trace.topicProbabilities();
    for (int i : topIndices(p, TOPIC_MODEL_CANDIDATES)) {
      score.merge(topicGate.topicAt(i).id(), TOPIC_MODEL_WEIGHT * p[i], Double::sum);
    }
    for (TopicScore t : nearest) {
      score.merge(t.topicId(), NEAREST_WEIGHT * t.confidence(), Double::sum);
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(score.entrySet());
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    List<TopicScore> out = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : ranked.subList(0, Math.min(ranked.size(), LexiconClassifier.MAX_TOPICS))) {
      out.add(new TopicScore(e.getKey(), calibrated(e.getValue())));
    }
    return out;
  }

  /* Indices of the k largest values, largest first. */
  private static int[] topIndices(double[] values, int k) {
    int[] best = new int[Math.min(k, values.length)];
    int filled = 0;
    for (int i = 0; i < values.length; i++) {
      int at = filled;
      while (at > 0 && values[best[at - 1]] < values[i]) {
        at--;
      }
      if (at < best.length) {
        System.arraycopy(best, at, best, at + 1, Math.min(filled, best.length - 1) - at);
        best[at] = i;
        filled = Math.min(filled + 1, best.length);
      }
    }
    return best;
  }

  private List<TopicScore> rankTopics(Trace trace) {
    Map<Integer, Double> lexical = new HashMap<>();
    for (TopicScore t : trace.lexicon().topics()) {
      lexical.put(t.topicId(), t.confidence());
    }
    double[] sims = trace.topicSimilarities();
    List<double[]> candidates = new ArrayList<>(); // {topicId, score}
    for (int i = 0; i < sims.length; i++) {
      int id = topics.topicAt(i).id();
      Double lex = lexical.get(id);
      if (lex == null && sims[i] < TOPIC_FLOOR) {
        continue;
      }
      candidates.add(new double[] {id, (lex == null ? 0 : lex) + EMBEDDING_WEIGHT * sims[i]});
    }
    candidates.sort((a, b) -> Double.compare(b[1], a[1]));
    List<TopicScore> out = new ArrayList<>();
    for (double[] c : candidates.subList(0, Math.min(candidates.size(), LexiconClassifier.MAX_TOPICS))) {
      out.add(new TopicScore((int) c[0], nearestConfidence(c[1])));
    }
    return out;
  }

  /** The nearest-example ranking's confidence for its score (lexicon + 0.5 x static similarity). */
  static double nearestConfidence(double score) {
    return platt(score, NEAREST_SLOPE, NEAREST_OFFSET);
  }

  /** Maps a blended topic score to (0, 1]: the chance, measured on the shared interest set, that it is right. */
  static double calibrated(double score) {
    return platt(score, CALIBRATION_SLOPE, CALIBRATION_OFFSET);
  }

  /* Platt scaling, kept above zero so that every reported topic has a confidence in (0, 1]. */
  private static double platt(double score, double slope, double offset) {
    return Math.max(1 / (1 + Math.exp(-slope * (score - offset))), 1e-6);
  }

  @Override
  public String version() {
    return maxWords == MAX_WORDS ? VERSION : VERSION + "[max-words=" + maxWords + "]";
  }

  /** Releases the ONNX session and its tokenizer; classify must not be called afterwards. */
  @Override
  public void close() {
    encoder.close();
  }
}
