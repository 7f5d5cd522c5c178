package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the lexicon classifier on the shared labeled sets ({@code ../shared/data}) and on this
 * package's own held-out chats, prints the figures, and asserts floors set a margin below what was
 * measured, so a lexicon edit that loses quality fails the build.
 */
class ClassifierEvalTest {
  private static Taxonomy taxonomy;
  private static LexiconClassifier classifier;

  @BeforeAll
  static void load() {
    taxonomy = Taxonomy.loadDefault();
    classifier = new LexiconClassifier(taxonomy);
  }

  /* Floors sit about 3 points under the figures measured when the lexicon was last changed. */
  @Test
  void sharedSensitiveSet_meetsRecallAndFalseAlarmFloors() {
    EvalSet set = EvalSet.read(EvalSet.sharedDataDir().resolve("sensitive_topics_eval.csv"));
    SensitiveScore score = SensitiveScore.measure(classifier, set.rows(), "source_dataset");
    score.print("shared sensitive_topics_eval.csv");
    assertTrue(score.anyRecall() >= 0.87, "any-category recall " + score.anyRecall());
    assertTrue(score.falseAlarmRate() <= 0.06, "false-alarm rate " + score.falseAlarmRate());
    assertFloor(score, "health", 0.86);
    assertFloor(score, "religion", 0.95);
    assertFloor(score, "sexual_orientation", 0.92);
    assertFloor(score, "race_ethnicity", 0.90);
    assertFloor(score, "politics", 0.74); // weak labels: many "politics" turns are chit-chat
  }

  @Test
  void sharedInterestSet_meetsTopOneAndTopThreeFloors() {
    EvalSet set = EvalSet.read(EvalSet.sharedDataDir().resolve("interest_topics_eval.csv"));
    InterestScore score = InterestScore.measure(classifier, taxonomy, set.rows());
    score.print("shared interest_topics_eval.csv");
    assertTrue(score.top3() >= 0.65, "top-3 " + score.top3());
    assertTrue(score.top1() >= 0.55, "top-1 " + score.top1());
  }

  @Test
  void heldOutChatsA_meetFloors() {
    EvalSet set = EvalSet.parse(HeldOutChats.setA());
    SensitiveScore sensitive = SensitiveScore.measure(classifier, set.rows(), "kind");
    sensitive.print("held-out chats A (own fixture)");
    InterestScore interest = InterestScore.measure(classifier, taxonomy, set.rows());
    interest.print("held-out chats A (own fixture)");
    assertTrue(sensitive.anyRecall() >= 0.85, "held-out A any-category recall " + sensitive.anyRecall());
    assertTrue(sensitive.falseAlarmRate() <= 0.10, "held-out A false alarms " + sensitive.falseAlarmRate());
    assertTrue(interest.top3() >= 0.80, "held-out A top-3 " + interest.top3());
  }

  /* Set B was written after tuning began and is never tuned on: the honest estimate for new chats. */
  @Test
  void heldOutChatsB_meetFloors() {
    EvalSet set = EvalSet.parse(HeldOutChats.setB());
    SensitiveScore sensitive = SensitiveScore.measure(classifier, set.rows(), "kind");
    sensitive.print("held-out chats B (own fixture, never tuned on)");
    InterestScore interest = InterestScore.measure(classifier, taxonomy, set.rows());
    interest.print("held-out chats B (own fixture, never tuned on)");
    // First measured (before any later tuning): recall 0.885 (23/26), false alarms 1/16, top-3 0.95.
    assertTrue(sensitive.anyRecall() >= 0.80, "held-out B any-category recall " + sensitive.anyRecall());
    assertTrue(sensitive.falseAlarmRate() <= 0.15, "held-out B false alarms " + sensitive.falseAlarmRate());
    assertTrue(interest.top3() >= 0.80, "held-out B top-3 " + interest.top3());
  }

  private static void assertFloor(SensitiveScore score, String label, double floor) {
    assertTrue(score.recall(label) >= floor, label + " recall " + score.recall(label) + " < " + floor);
  }

  @Test
  void classification_isFastEnough() {
    EvalSet set = EvalSet.read(EvalSet.sharedDataDir().resolve("interest_topics_eval.csv"));
    List<String> texts = set.rows().stream().map(r -> r.get("text")).toList();
    for (int warm = 0; warm < 20; warm++) {
      texts.forEach(classifier::classify);
    }
    int rounds = 20;
    long start = System.nanoTime();
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      for (String text : texts) {
        sink += classifier.classify(text).topics().size();
      }
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / (rounds * (double) texts.size());
    System.out.printf("classify: %.1f us per chat over %d chats (checksum %d)%n", micros, texts.size(), sink);
    assertTrue(micros < 200, "mean classify time " + micros + " us (target < 50 us; 200 leaves CI headroom)");
  }
}
