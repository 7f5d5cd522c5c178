package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the hybrid classifier, and a regression gate: the evaluation ({@link ClassifierEval})
 * on a fixed subset of the shared sets (every {@value #STRIDE}th row) plus all held-out chats, with
 * floors a few points under what the subset measured when the classifier last changed.
 */
class HybridClassifierTest {
  static final int STRIDE = 12;
  /* Measured on this subset at hybrid-v11 and v12: 117 of 122 gold-labelled disclosures typed, 116 voice. */
  static final double GOLD_RECALL_FLOOR = 0.93;
  private static Taxonomy taxonomy;
  private static HybridClassifier classifier;

  @BeforeAll
  static void load() {
    taxonomy = Taxonomy.loadDefault();
    classifier = new HybridClassifier(taxonomy);
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void version_namesLexiconAndModel() {
    assertEquals("hybrid-v13(lexicon-v2.6+all-minilm-l6-v2-q+static-all-minilm-l6-v2-q)", classifier.version());
  }

  @Test
  void emptyText_isEmpty() {
    assertEquals(Classification.EMPTY, classifier.classify(""));
    assertEquals(Classification.EMPTY, classifier.classify(null));
    assertEquals(Classification.EMPTY, classifier.classify("  um uh  "));
  }

  @Test
  void interestWithDisclosure_isSensitiveAndNamesTheCategory() {
    Classification c = classifier.classify("As a diabetic, which hiking snacks should I pack?");
    assertTrue(c.sensitiveCategories().contains(SensitiveCategory.HEALTH), c.toString());
  }

  @Test
  void keywordTraps_areNotSensitive() {
    for (String text : List.of("my laptop caught a virus", "labor day sales", "the party is saturday",
        "Which union type should I use in my TypeScript code?", "What's the best race to watch at the Olympics?",
        "My plants look sick, yellow leaves everywhere")) {
      assertFalse(classifier.classify(text).isSensitive(), text + " -> " + classifier.classify(text));
    }
  }

  @Test
  void trappedKeyword_needsAClearerEmbedding() {
    String name = "Writing a toast for my friend Christian's wedding. Can you help make it funny without roasting him?";
    HybridClassifier.Trace trace = classifier.trace(name);
    assertEquals(java.util.Set.of(SensitiveCategory.RELIGION_OR_BELIEF), trace.trapped());
    assertFalse(classifier.classify(name).isSensitive(), classifier.classify(name).toString());
    assertTrue(classifier.classify("As a Christian, help me write a wedding toast that mentions our faith")
        .sensitiveCategories().contains(SensitiveCategory.RELIGION_OR_BELIEF));
  }

  @Test
  void doubtContext_keepsAKeyword_onlyWhenTheEmbeddingAlsoFindsTheCategory() {
    String science = "Gay-Lussac's law: how does pressure change with temperature at constant volume?";
    HybridClassifier.Trace trace = classifier.trace(science);
    SensitiveCategory c = SensitiveCategory.SEX_LIFE_OR_ORIENTATION;
    assertTrue(trace.lexicon().sensitiveCategories().contains(c), "the lexicon alone");
    assertTrue(trace.doubted().contains(c));
    assertTrue(trace.sensitiveProbabilities()[c.ordinal()] < HybridClassifier.DOUBT_SUPPORT);
    assertFalse(classifier.classify(science).isSensitive(), classifier.classify(science).toString());
    assertTrue(new LexiconClassifier(taxonomy).classify(science).isSensitive(), "the lexicon alone keeps it: fail closed");
    for (String disclosure : List.of("that movie helped me come out as gay to my parents",
        "what should we expect after my ACL surgery, the vet for our dog said it is like ours")) {
      assertTrue(classifier.classify(disclosure).isSensitive(), disclosure);
    }
  }

  @Test
  void gateProbabilities_sumToOne_andNameTheDisclosure() {
    double[] p = classifier.trace("my rabbi says i can finish conversion classes by spring").sensitiveProbabilities();
    assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-9);
    assertEquals(java.util.Set.of(SensitiveCategory.RELIGION_OR_BELIEF), SensitiveGate.detect(p, SensitiveGate.DEFAULT_THRESHOLD));
    double[] benign = classifier.trace("what board games are fun for two players").sensitiveProbabilities();
    assertTrue(SensitiveGate.benign(benign) > 0.9, java.util.Arrays.toString(benign));
  }

  @Test
  void paraphraseWithoutKeywords_isCaughtByTheEmbedding() {
    Classification c = classifier.classify("she cannot hear anything the teacher says without her aid");
    assertTrue(c.sensitiveCategories().contains(SensitiveCategory.HEALTH), c.toString());
  }

  /* Lexicon v2.6's practices (each missed by v2.4) reach the result: the keyword-sense rule keeps them. */
  @Test
  void practiceDisclosures_surviveTheKeywordSenseRule() {
    Map<String, SensitiveCategory> disclosures = new java.util.HashMap<>(LexiconClassifierTest.PRACTICES);
    disclosures.put("i linked my palm to the checkout scanner at the grocery store, can i undo it", SensitiveCategory.BIOMETRIC);
    disclosures.forEach((text, expected) ->
        assertTrue(classifier.classify(text).sensitiveCategories().contains(expected), text + " -> " + classifier.classify(text)));
  }

  @Test
  void hikingChat_ranksHikingFirst_withCalibratedConfidences() {
    List<TopicScore> topics = classifier.classify("What trails do you recommend for a hike near Denver?").topics();
    assertEquals(472, topics.get(0).topicId(), topics.toString());
    for (int i = 1; i < topics.size(); i++) {
      assertTrue(topics.get(i - 1).confidence() >= topics.get(i).confidence(), topics.toString());
    }
  }

  @Test
  void transcript_classifiesLikeTypedText() {
    String typed = "I think I might be bisexual. How do I tell my parents?";
    String voice = TranscriptStyle.of(typed, new Random(7));
    assertEquals(classifier.classify(typed).sensitiveCategories(), classifier.classify(voice).sensitiveCategories());
    assertEquals(classifier.classify("Find me waterproof hiking boots!").topics().get(0).topicId(),
        classifier.classify("um find me like waterproof hiking boots").topics().get(0).topicId());
  }

  @Test
  void evaluationSubset_meetsFloors() {
    ClassifierEval.Result r = new ClassifierEval(taxonomy, new LexiconClassifier(taxonomy), classifier).run(STRIDE);
    ClassifierEval.print(r);
    String v = classifier.version();
    SensitiveScore typed = r.find("shared-sensitive", v).sensitive();
    SensitiveScore voice = r.find("shared-sensitive-voice", v).sensitive();
    assertTrue(typed.anyRecall() >= 0.88, "subset recall " + typed.anyRecall());
    assertTrue(typed.falseAlarmRate() <= 0.10, "subset false alarms " + typed.falseAlarmRate());
    assertTrue(voice.anyRecall() >= 0.88, "subset voice recall " + voice.anyRecall());
    // the rows labelled straight from their source's annotation (no Topical-Chat politics or chit-chat)
    assertTrue(typed.gold().anyRecall() >= GOLD_RECALL_FLOOR, "subset gold recall " + typed.gold().anyRecall());
    assertTrue(voice.gold().anyRecall() >= GOLD_RECALL_FLOOR, "subset gold voice recall " + voice.gold().anyRecall());
    assertTrue(typed.gold().falseAlarmRate() <= 0.10, "subset gold false alarms " + typed.gold().falseAlarmRate());
    assertTrue(r.find("shared-interest", v).interest().top3() >= 0.74, "subset top-3");
    assertTrue(r.find("shared-interest-voice", v).interest().top3() >= 0.73, "subset voice top-3");
    SensitiveScore heldOutB = r.find("heldout-B", v).sensitive();
    assertTrue(heldOutB.anyRecall() >= 0.90, "held-out B recall " + heldOutB.anyRecall());
    SensitiveScore heldOutE = r.find("heldout-E", v).sensitive();
    assertTrue(heldOutE.anyRecall() >= 0.92, "held-out E recall " + heldOutE.anyRecall());
    SensitiveScore heldOutF = r.find("heldout-F", v).sensitive();
    assertTrue(heldOutF.anyRecall() >= 0.88, "held-out F recall " + heldOutF.anyRecall());
    assertTrue(heldOutF.falseAlarmRate() <= 0.20, "held-out F false alarms " + heldOutF.falseAlarmRate());
    SensitiveScore heldOutH = r.find("heldout-H", v).sensitive();
    assertTrue(heldOutH.anyRecall() >= 0.95, "held-out H recall " + heldOutH.anyRecall());
    assertTrue(heldOutH.falseAlarmRate() <= 0.12, "held-out H false alarms " + heldOutH.falseAlarmRate());
    SensitiveScore heldOutG = r.find("heldout-G", v).sensitive();
    assertTrue(heldOutG.anyRecall() >= 0.89, "held-out G recall " + heldOutG.anyRecall());
    assertTrue(heldOutG.falseAlarmRate() <= 0.10, "held-out G false alarms " + heldOutG.falseAlarmRate());
    SensitiveScore heldOutI = r.find("heldout-I", v).sensitive();
    assertTrue(heldOutI.anyRecall() >= 0.93, "held-out I recall " + heldOutI.anyRecall());
    assertTrue(heldOutI.falseAlarmRate() <= 0.12, "held-out I false alarms " + heldOutI.falseAlarmRate());
    SensitiveScore heldOutJ = r.find("heldout-J", v).sensitive();
    assertTrue(heldOutJ.anyRecall() >= 0.94, "held-out J recall " + heldOutJ.anyRecall());
    assertTrue(heldOutJ.falseAlarmRate() <= 0.12, "held-out J false alarms " + heldOutJ.falseAlarmRate());
    // topics on chats nobody tuned topics on: the topic model lifted these from about 0.5
    assertTrue(r.find("heldout-G", v).interest().top3() >= 0.75, "held-out G top-3");
    assertTrue(r.find("heldout-I", v).interest().top3() >= 0.65, "held-out I top-3");
    assertTrue(r.find("heldout-J", v).interest().top3() >= 0.63, "held-out J top-3");
    SensitiveScore heldOutL = r.find("heldout-L", v).sensitive();
    assertTrue(heldOutL.anyRecall() >= 0.91, "held-out L recall " + heldOutL.anyRecall());
    assertTrue(heldOutL.falseAlarmRate() <= 0.20, "held-out L false alarms " + heldOutL.falseAlarmRate());
    // K and M: their benign keywords are part of KeywordSense's training now, so these floors measure fit
    assertTrue(r.find("heldout-M", v).sensitive().falseAlarmRate() <= 0.12, "held-out M false alarms");
    SensitiveScore heldOutK = r.find("heldout-K", v).sensitive();
    assertTrue(heldOutK.falseAlarmRate() <= 0.10, "held-out K false alarms " + heldOutK.falseAlarmRate());
    SensitiveScore heldOutN = r.find("heldout-N", v).sensitive();
    assertTrue(heldOutN.anyRecall() >= 0.95, "held-out N recall " + heldOutN.anyRecall());
    assertTrue(heldOutN.falseAlarmRate() <= 0.21, "held-out N false alarms " + heldOutN.falseAlarmRate());
    SensitiveScore heldOutO = r.find("heldout-O", v).sensitive();
    assertTrue(heldOutO.anyRecall() >= 0.95, "held-out O recall " + heldOutO.anyRecall());
    assertTrue(heldOutO.falseAlarmRate() <= 0.13, "held-out O false alarms " + heldOutO.falseAlarmRate());
    assertTrue(r.find("heldout-O", v).interest().top3() >= 0.68, "held-out O top-3");
    SensitiveScore heldOutP = r.find("heldout-P", v).sensitive();
    assertTrue(heldOutP.anyRecall() >= 0.95, "held-out P recall " + heldOutP.anyRecall());
    assertTrue(heldOutP.falseAlarmRate() <= 0.16, "held-out P false alarms " + heldOutP.falseAlarmRate());
    SensitiveScore heldOutQ = r.find("heldout-Q", v).sensitive(); // scored once at hybrid-v11: 0.967, 15 of 160 (v12: 0.975)
    assertTrue(heldOutQ.anyRecall() >= 0.95, "held-out Q recall " + heldOutQ.anyRecall());
    assertTrue(heldOutQ.falseAlarmRate() <= 0.11, "held-out Q false alarms " + heldOutQ.falseAlarmRate());
    assertTrue(r.find("heldout-Q", v).interest().top3() >= 0.62, "held-out Q top-3");
    SensitiveScore heldOutR = r.find("heldout-R", v).sensitive(); // scored once at hybrid-v12: 0.933, 25 of 160 (v13: 0.925, 24)
    assertTrue(heldOutR.anyRecall() >= 0.90, "held-out R recall " + heldOutR.anyRecall());
    assertTrue(heldOutR.falseAlarmRate() <= 0.17, "held-out R false alarms " + heldOutR.falseAlarmRate());
    assertTrue(r.find("heldout-R", v).interest().top3() >= 0.63, "held-out R top-3");
    // the hybrid must not lose to the lexicon it contains
    assertTrue(typed.anyRecall() >= r.find("shared-sensitive", LexiconClassifier.VERSION).sensitive().anyRecall());
  }
}
