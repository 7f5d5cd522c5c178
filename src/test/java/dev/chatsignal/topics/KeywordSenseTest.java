package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeywordSenseTest {
  private static final SensitiveLexicon LEXICON = SensitiveLexicon.load(SensitiveLexicon.DEFAULT_RESOURCE);
  private static SentenceEncoder encoder;

  @BeforeAll
  static void open() {
    encoder = new SentenceEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  /*
   * The fit reads live model outputs, whose last bits depend on the CPU's kernels, so a fresh fit is
   * compared by what it predicts rather than bit for bit.
   */
  @Test
  void shippedWeights_areTheFitOfTheShippedExamples() {
    List<KeywordSense.Example> examples = KeywordSense.examples(LEXICON);
    SoftmaxRegression stored = KeywordSense.MODEL.read(KeywordSense.class.getResourceAsStream(KeywordSense.MODEL.resource()),
        KeywordSense.digest(encoder.modelId(), examples));
    assertNotNull(stored, "regenerate keyword_sense_v1.bin with FittedModelsWriter");
    KeywordSense.Data data = KeywordSense.vectors(encoder, examples);
    SoftmaxRegression fresh = KeywordSense.fit(data);
    for (float[] x : data.x()) {
      assertEquals(fresh.probabilities(x)[1], stored.probabilities(x)[1], 1e-4);
    }
  }

  @Test
  void examples_takeDisclosureKeywordsAndTheFilesKeywords_withTheirSpans() {
    List<KeywordSense.Example> examples = KeywordSense.examples(LEXICON, List.of(
        line("RELIGION_OR_BELIEF", "O", "gospel", "The gospel of sourdough says never rush the proof."),
        line("POLITICAL_OPINION", "S", "electoral college", "how does the electoral college work")));
    List<KeywordSense.Example> fromFile = examples.subList(examples.size() - 2, examples.size());
    assertEquals(new KeywordSense.Example("The gospel of sourdough says never rush the proof.", 1, 1, false), fromFile.get(0));
    assertEquals(new KeywordSense.Example("how does the electoral college work", 3, 2, true), fromFile.get(1));
    assertTrue(examples.size() > 500, "every lexicon keyword of the gate's disclosures: " + examples.size());
    assertTrue(examples.subList(0, examples.size() - 2).stream().allMatch(KeywordSense.Example::sameSense));
  }

  @Test
  void examples_nameTheBadLine() {
    IllegalStateException sense = assertThrows(IllegalStateException.class, () -> KeywordSense.examples(LEXICON,
        List.of(line("RELIGION_OR_BELIEF", "maybe", "mass", "mass is at nine"))));
    assertTrue(sense.getMessage().contains("test line 7") && sense.getMessage().contains("sense 'maybe'"), sense.getMessage());
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> KeywordSense.examples(LEXICON,
        List.of(line("RELIGION_OR_BELIEF", "S", "rosary", "mass is at nine"))));
    assertTrue(missing.getMessage().contains("keyword 'rosary' not in its text"), missing.getMessage());
  }

  /*
   * Sentences written for this test, in no training file: the same keyword in its own sense, personal
   * or impersonal, and in another sense, read by the model alone (one keyword each).
   */
  @Test
  void readsTheKeywordsSense_inItsSentence() {
    KeywordSense senses = KeywordSense.load(encoder, LEXICON);
    assertTrue(sense(senses, "i sing gospel every sunday", 2) >= 0.5);
    assertTrue(sense(senses, "what does the word gospel mean", 4) >= 0.5);
    assertTrue(sense(senses, "as a liberal i cannot stand my uncle", 2) >= 0.5);
    assertTrue(sense(senses, "the gospel of good coffee is freshly ground beans", 1) < HybridClassifier.SENSE_FLOOR);
    assertTrue(sense(senses, "set the thermostat to liberal mode", 4) < HybridClassifier.SENSE_FLOOR);
  }

  private static double sense(KeywordSense senses, String text, int word) {
    return senses.sameSense(EmbeddedWords.of(encoder, text.split(" "), HybridClassifier.MAX_WORDS).span(word, 1));
  }

  @Test
  void theRule_dropsAJudgedLexiconCategory_onlyBelowTheFloor_andWithoutTheGate() {
    try (HybridClassifier classifier = new HybridClassifier(Taxonomy.loadDefault())) {
      SensitiveCategory politics = SensitiveCategory.POLITICAL_OPINION;
      HybridClassifier.Trace trace = classifier.trace("set the thermostat to liberal mode");
      assertEquals(Set.of(politics), trace.lexicon().sensitiveCategories(), "the lexicon alone");
      assertTrue(trace.sensitiveProbabilities()[politics.ordinal()] < SensitiveGate.DEFAULT_THRESHOLD);
      assertFalse(classifier.decide(trace).isSensitive(), "as read");
      assertFalse(classifier.decide(withSense(trace, politics, 0.0999)).isSensitive(), "just below the floor");
      assertEquals(Set.of(politics), classifier.decide(withSense(trace, politics, 0.1)).sensitiveCategories(), "at the floor");
      assertEquals(Set.of(politics), classifier.decide(withSense(trace, politics, -1)).sensitiveCategories(),
          "a category the sensitive lexicon did not find is not judged");
      assertEquals(Set.of(politics), classifier.decide(withSense(trace, politics, 1)).sensitiveCategories(),
          "a keyword beyond the embedded words counts as own sense");
      double[] p = trace.sensitiveProbabilities().clone();
      p[politics.ordinal()] = SensitiveGate.DEFAULT_THRESHOLD;
      HybridClassifier.Trace gate = new HybridClassifier.Trace(trace.lexicon(), trace.trapped(), trace.doubted(), p,
          trace.topicSimilarities(), trace.topicProbabilities(), trace.keywordSenses());
      assertEquals(Set.of(politics), classifier.decide(gate).sensitiveCategories(), "the sentence model still reports it");

      SensitiveCategory health = SensitiveCategory.HEALTH;
      HybridClassifier.Trace diabetic = classifier.trace("As a diabetic, which hiking snacks should I pack?");
      assertTrue(classifier.decide(withSense(diabetic, health, 0)).sensitiveCategories().contains(health),
          "health is not judged");
    }
  }

  private static HybridClassifier.Trace withSense(HybridClassifier.Trace t, SensitiveCategory c, double sense) {
    double[] senses = t.keywordSenses().clone();
    senses[c.ordinal()] = sense;
    return new HybridClassifier.Trace(t.lexicon(), t.trapped(), t.doubted(), t.sensitiveProbabilities(),
        t.topicSimilarities(), t.topicProbabilities(), senses);
  }

  private static LexiconFile.Line line(String... fields) {
    return new LexiconFile.Line("test", 7, List.of(fields));
  }
}
