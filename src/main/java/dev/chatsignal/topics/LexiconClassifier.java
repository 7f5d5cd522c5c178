package dev.chatsignal.topics;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** TEMPORARY until the topics work lands. */
public final class LexiconClassifier implements TextClassifier {
  public LexiconClassifier(Taxonomy taxonomy) {}

  @Override
  public Classification classify(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    Set<SensitiveCategory> s = t.contains("diabet") || t.contains("depress") ? Set.of(SensitiveCategory.HEALTH)
        : t.contains("church") ? Set.of(SensitiveCategory.RELIGION_OR_BELIEF) : Set.of();
    List<TopicScore> topics = t.contains("hik") ? List.of(new TopicScore(472, 0.9)) : List.of();
    return new Classification(topics, s);
  }

  @Override
  public String version() {
    return "lexicon-v0";
  }
}
