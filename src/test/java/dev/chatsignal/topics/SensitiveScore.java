package dev.chatsignal.topics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Recall per labeled category and false-alarm rate on {@code none} rows. Test fixture only. */
final class SensitiveScore {
  static final Map<String, SensitiveCategory> LABELS = Map.of(
      "health", SensitiveCategory.HEALTH,
      "religion", SensitiveCategory.RELIGION_OR_BELIEF,
      "politics", SensitiveCategory.POLITICAL_OPINION,
      "sexual_orientation", SensitiveCategory.SEX_LIFE_OR_ORIENTATION,
      "race_ethnicity", SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN,
      "trade_union", SensitiveCategory.TRADE_UNION_MEMBERSHIP,
      "biometric", SensitiveCategory.BIOMETRIC,
      "genetic", SensitiveCategory.GENETIC);

  private final Map<String, int[]> byCategory = new TreeMap<>(); // {exact hits, any hits, rows}
  private final Map<String, int[]> bySource = new TreeMap<>();
  private int noneRows;
  private int falseAlarms;
  private int positives;
  private int anyHits;
  private SensitiveScore gold;

  static SensitiveScore measure(TextClassifier classifier, List<Map<String, String>> rows, String sourceColumn) {
    SensitiveScore s = new SensitiveScore();
    for (Map<String, String> row : rows) {
      String label = row.get("sensitive_category");
      Classification c = classifier.classify(row.get("text"));
      s.count(label, c, row.getOrDefault(sourceColumn, "?") + "/" + label);
      String note = row.get("label_note");
      if (note != null) {
        if (s.gold == null) {
          s.gold = new SensitiveScore();
        }
        if (note.startsWith("gold")) {
          s.gold.count(label, c, label);
        }
      }
    }
    return s;
  }

  private void count(String label, Classification c, String source) {
    int[] src = bySource.computeIfAbsent(source, k -> new int[2]);
    src[1]++;
    if (label.equals("none")) {
      noneRows++;
      if (c.isSensitive()) {
        falseAlarms++;
        src[0]++;
      }
      return;
    }
    SensitiveCategory expected = LABELS.get(label);
    if (expected == null) {
      throw new AssertionError("unknown label " + label);
    }
    int[] cat = byCategory.computeIfAbsent(label, k -> new int[3]);
    cat[2]++;
    positives++;
    if (c.sensitiveCategories().contains(expected)) {
      cat[0]++;
      src[0]++;
    }
    if (c.isSensitive()) {
      cat[1]++;
      anyHits++;
    }
  }

  /**
   * The same figures over the rows whose label came straight from the source annotation ({@code label_note}
   * "gold…"): the shared data's README asks for them apart, because the Topical-Chat labels (all politics
   * rows and half the {@code none} rows) are inherited from the conversation's topic, not the turn. Null for
   * sets without a {@code label_note} column.
   */
  SensitiveScore gold() {
    return gold;
  }

  double recall(String label) {
    int[] c = byCategory.get(label);
    return c == null ? 0 : c[0] / (double) c[2];
  }

  double anyRecall() {
    return positives == 0 ? 0 : anyHits / (double) positives;
  }

  double falseAlarmRate() {
    return noneRows == 0 ? 0 : falseAlarms / (double) noneRows;
  }

  int falseAlarms() {
    return falseAlarms;
  }

  int positives() {
    return positives;
  }

  int noneRows() {
    return noneRows;
  }

  /** The figures as a JSON object: per-category recall, overall recall, false alarms. */
  String toJson() {
    StringBuilder json = new StringBuilder("{\"categories\": {");
    String sep = "";
    for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
      int[] c = e.getValue();
      json.append(sep).append(String.format(java.util.Locale.ROOT,
          "\"%s\": {\"recall\": %.4f, \"any_category_recall\": %.4f, \"n\": %d}",
          e.getKey(), c[0] / (double) c[2], c[1] / (double) c[2], c[2]));
      sep = ", ";
    }
    json.append(String.format(java.util.Locale.ROOT,
        "}, \"any_category_recall\": %.4f, \"positives\": %d, \"false_alarm_rate\": %.4f, "
            + "\"false_alarms\": %d, \"none_rows\": %d",
        anyRecall(), positives, falseAlarmRate(), falseAlarms, noneRows));
    if (gold != null) {
      json.append(", \"gold_labels_only\": ").append(gold.toJson());
    }
    return json.append('}').toString();
  }

  /** One table row per category: recall; then overall recall and the false-alarm rate. */
  void printTable(String title) {
    System.out.println("== sensitive: " + title);
    System.out.printf("  %-20s %8s %8s %6s%n", "category", "recall", "any-cat", "n");
    printRows("  ");
    if (gold != null) {
      System.out.println("  gold labels only (label_note gold: MedQuAD, CrowS-Pairs, BBQ, CLINC150; no politics rows):");
      gold.printRows("    ");
    }
  }

  /* Per category, overall and false alarms, label column padded so that the figures line up at any indent. */
  private void printRows(String indent) {
    String label = indent + "%-" + (22 - indent.length()) + "s";
    byCategory.forEach((name, c) -> System.out.printf(label + " %8.3f %8.3f %6d%n",
        name, c[0] / (double) c[2], c[1] / (double) c[2], c[2]));
    System.out.printf(label + " %8.3f %8s %6d%n", "ALL (any category)", anyRecall(), "", positives);
    System.out.printf(label + " %8.3f %8s %6d   (%d flagged)%n", "false alarms (none)", falseAlarmRate(), "",
        noneRows, falseAlarms);
  }


  void print(String title) {
    System.out.println("== sensitive: " + title);
    byCategory.forEach((label, c) -> System.out.printf("  %-20s recall %.3f (any-category %.3f) n=%d%n",
        label, c[0] / (double) c[2], c[1] / (double) c[2], c[2]));
    System.out.printf("  overall any-category recall %.3f; false alarms on none %.3f (%d/%d)%n",
        anyRecall(), falseAlarmRate(), falseAlarms, noneRows);
    bySource.forEach((source, c) -> System.out.printf("    %-40s flagged-as-expected %d/%d%n", source, c[0], c[1]));
  }
}
