package dev.chatsignal.scoring;

import dev.chatsignal.policy.Decision;
import java.util.List;

/** Ranked items, best first, and the decision that produced them. */
public record ScoreResult(List<ScoredItem> items, Decision decision) {
  public ScoreResult {
    items = List.copyOf(items);
  }
}
