package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveScoreTest {
  /* Reports health for any text containing "ill", nothing otherwise. */
  private static final TextClassifier ILL = new TextClassifier() {
    @Override
    public Classification classify(String text) {
      return new Classification(List.of(), text.contains("ill")
          ? EnumSet.of(SensitiveCategory.HEALTH) : EnumSet.noneOf(SensitiveCategory.class));
    }

    @Override
    public String version() {
      return "ill";
    }
  };

  private static Map<String, String> row(String text, String label, String note) {
    return Map.of("text", text, "sensitive_category", label, "label_note", note, "source_dataset", "x");
  }

  @Test
  void goldLabelsOnly_leaveOutWeakRows_fromRecallAndFalseAlarms() {
    SensitiveScore s = SensitiveScore.measure(ILL, List.of(
        row("i am ill", "health", "gold: MedQuAD"),
        row("what is lupus", "health", "gold: MedQuAD"),
        row("chit-chat about a senator", "politics", "weak: topic"),
        row("ill wind", "none", "weak: topic"),
        row("set an alarm", "none", "gold intent; none-mapping by us")), "source_dataset");

    assertEquals(1 / 3.0, s.anyRecall(), 1e-9);
    assertEquals(1 / 2.0, s.falseAlarmRate(), 1e-9);
    assertEquals(1 / 2.0, s.gold().anyRecall(), 1e-9);
    assertEquals(0.0, s.gold().falseAlarmRate(), 1e-9);
    assertEquals(1, s.gold().noneRows());
    assertEquals(2, s.gold().positives(), "the weak politics row is left out");
    assertTrue(s.toJson().contains("\"gold_labels_only\": {\"categories\": {\"health\""), s.toJson());
  }

  @Test
  void setsWithoutLabelNotes_haveNoGoldScore() {
    SensitiveScore s = SensitiveScore.measure(ILL, List.of(Map.of("text", "i am ill", "sensitive_category", "health")),
        "kind");

    assertEquals(1.0, s.anyRecall(), 1e-9);
    assertNull(s.gold());
    assertFalse(s.toJson().contains("gold_labels_only"), s.toJson());
  }
}
