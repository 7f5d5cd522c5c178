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

  @Test
  void shippedWeights_areTheFitOfTheShippedExamples() {
    List<KeywordSense.Example> examples = KeywordSense.examples(LEXICON);
    SoftmaxRegression stored = KeywordSense.read(KeywordSense.class.getResourceAsStream(KeywordSense.WEIGHTS_RESOURCE),
        KeywordSense.digest(encoder.modelId(), examples));
    assertNotNull(stored, "regenerate keyword_sense_v1.bin with FittedModelsWriter");
    assertEquals(KeywordSense.fit(encoder, examples), stored, "a fresh fit gives the shipped weights");
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
   * or impersonal, and in another sense.
   */
  @Test
  void readsTheKeywordsSense_inItsSentence() {
    try (HybridClassifier classifier = new HybridClassifier(Taxonomy.loadDefault())) {
      assertOwnSense(classifier, "i sing gospel in our church choir every sunday", SensitiveCategory.RELIGION_OR_BELIEF);
      assertOwnSense(classifier, "what does the word gospel mean in the new testament", SensitiveCategory.RELIGION_OR_BELIEF);
      assertOwnSense(classifier, "as a liberal i cannot stand my uncle at thanksgiving", SensitiveCategory.POLITICAL_OPINION);
      assertOwnSense(classifier, "how do liberal and conservative economists differ on tariffs",
          SensitiveCategory.POLITICAL_OPINION);
      assertOtherSense(classifier, "the gospel of good coffee is freshly ground beans", SensitiveCategory.RELIGION_OR_BELIEF);
      assertOtherSense(classifier, "set the thermostat to liberal mode", SensitiveCategory.POLITICAL_OPINION);
      // health is not judged: an impersonal medical question stays sensitive whatever the model reads
      String medical = "what are the usual treatments for shingles in older adults";
      assertTrue(classifier.classify(medical).sensitiveCategories().contains(SensitiveCategory.HEALTH), medical);
    }
  }

  private static void assertOwnSense(HybridClassifier classifier, String text, SensitiveCategory category) {
    HybridClassifier.Trace trace = classifier.trace(text);
    assertTrue(trace.keywordSenses()[category.ordinal()] >= HybridClassifier.SENSE_FLOOR, text);
    assertTrue(classifier.decide(trace).sensitiveCategories().contains(category), text);
  }

  /* The lexicon alone reports the category; read in its sentence, the keyword is not that category's. */
  private static void assertOtherSense(HybridClassifier classifier, String text, SensitiveCategory category) {
    HybridClassifier.Trace trace = classifier.trace(text);
    assertEquals(Set.of(category), trace.lexicon().sensitiveCategories(), text);
    double sense = trace.keywordSenses()[category.ordinal()];
    assertTrue(sense >= 0 && sense < HybridClassifier.SENSE_FLOOR, text + ": " + sense);
    assertFalse(classifier.decide(trace).isSensitive(), text + " -> " + classifier.decide(trace));
  }

  private static LexiconFile.Line line(String... fields) {
    return new LexiconFile.Line("test", 7, List.of(fields));
  }
}
