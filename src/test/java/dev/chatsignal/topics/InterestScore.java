package dev.chatsignal.topics;

import java.util.List;
import java.util.Map;

/**
 * Top-1 / top-3 hit rate of predicted topics against a labeled topic, exact and "related" (the
 * prediction is the label, an ancestor or a descendant of it). Rows without a label are skipped.
 */
final class InterestScore {
  private int rows;
  private int top1;
  private int top3;
  private int related3;

  static InterestScore measure(TextClassifier classifier, Taxonomy taxonomy, List<Map<String, String>> data) {
    InterestScore s = new InterestScore();
    for (Map<String, String> row : data) {
      String label = row.get("topics_v2_id");
      if (label == null || label.isEmpty()) {
        continue;
      }
      int expected = Integer.parseInt(label);
      List<TopicScore> topics = classifier.classify(row.get("text")).topics();
      s.rows++;
      boolean related = false;
      for (int i = 0; i < Math.min(3, topics.size()); i++) {
        int got = topics.get(i).topicId();
        if (got == expected) {
          s.top3++;
          if (i == 0) {
            s.top1++;
          }
        }
        related |= got == expected || taxonomy.isAncestor(got, expected) || taxonomy.isAncestor(expected, got);
      }
      if (related) {
        s.related3++;
      }
    }
    return s;
  }

  double top1() {
    return rows == 0 ? 0 : top1 / (double) rows;
  }

  double top3() {
    return rows == 0 ? 0 : top3 / (double) rows;
  }

  int rows() {
    return rows;
  }

  double related3() {
    return rows == 0 ? 0 : related3 / (double) rows;
  }

  String toJson() {
    return String.format(java.util.Locale.ROOT,
        "{\"rows\": %d, \"top1\": %.4f, \"top3\": %.4f, \"top3_incl_parent_child\": %.4f}",
        rows, top1(), top3(), related3());
  }

  void print(String title) {
    System.out.printf("== interest: %s: mapped rows %d, top-1 %.3f, top-3 %.3f, top-3 incl. parent/child %.3f%n",
        title, rows, top1(), top3(), rows == 0 ? 0 : related3 / (double) rows);
  }
}
