package dev.chatsignal.scoring;

import dev.chatsignal.policy.Reason;
import java.util.List;

/**
 * One ranked candidate; {@code explanation} is empty and {@code summary} blank unless asked for.
 *
 * @param summary one readable sentence on why the item is shown, from templates and topic names only
 */
public record ScoredItem(
    String itemId, double score, boolean personalized, Reason reason, List<Contribution> explanation,
    String summary) {
  public ScoredItem {
    explanation = List.copyOf(explanation);
  }

  public ScoredItem(String itemId, double score, boolean personalized, Reason reason, List<Contribution> explanation) {
    this(itemId, score, personalized, reason, explanation, "");
  }

  ScoredItem withSummary(String sentence) {
    return new ScoredItem(itemId, score, personalized, reason, explanation, sentence);
  }
}
