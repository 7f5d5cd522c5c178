package dev.chatsignal.scoring;

import dev.chatsignal.policy.Reason;
import java.util.List;

/** One ranked candidate; {@code explanation} is empty unless asked for. */
public record ScoredItem(
    String itemId, double score, boolean personalized, Reason reason, List<Contribution> explanation) {
  public ScoredItem {
    explanation = List.copyOf(explanation);
  }
}
