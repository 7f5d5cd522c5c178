package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A lexicon-based {@link TextClassifier}: text is normalized ({@link TextNormalizer}), topics come from
 * {@link TopicLexicon} and sensitive categories from {@link SensitiveLexicon}.
 *
 * <p>Contract: at most {@value #MAX_TOPICS} topics, best first (higher score, then the more specific
 * topic, then the lower id), confidences in (0, 1]. Sensitive categories fail closed: besides the
 * lexicon, a text whose topics include an ads-sensitive taxonomy node (e.g. /News/Politics) reports
 * that node's category. Typed text and a lowercase, unpunctuated, filler-laden voice transcript of it
 * classify the same. Empty or null text gives {@link Classification#EMPTY}.
 *
 * <p>Thread-safe and allocation-light: everything is compiled in the constructor; the text is never
 * retained or logged.
 */
public final class LexiconClassifier implements TextClassifier {
  /** Most topics reported for one text. */
  public static final int MAX_TOPICS = 5;
  /* Score at which confidence reaches 2/3: one full-weight term. Two terms give 0.8. */
  private static final double HALF_SATURATION = 0.5;
  static final String VERSION = "lexicon-v2.6";

  /** Best score first, then the deeper (more specific) topic, then the lower id. */
  private static final Comparator<TopicLexicon.Hit> HIT_ORDER =
      Comparator.comparingDouble(TopicLexicon.Hit::score).reversed()
          .thenComparing(Comparator.comparingInt(TopicLexicon.Hit::depth).reversed())
          .thenComparingInt(TopicLexicon.Hit::topicId);

  private final Taxonomy taxonomy;
  private final TopicLexicon topics;
  private final SensitiveLexicon sensitive;

  /** Builds the classifier from the shipped v1 lexicons; fails fast on a malformed lexicon. */
  public LexiconClassifier(Taxonomy taxonomy) {
    this(taxonomy, TopicLexicon.DEFAULT_RESOURCE, SensitiveLexicon.DEFAULT_RESOURCE);
  }

  LexiconClassifier(Taxonomy taxonomy, String topicResource, String sensitiveResource) {
    this.taxonomy = taxonomy;
    this.topics = TopicLexicon.load(taxonomy, topicResource);
    this.sensitive = SensitiveLexicon.load(sensitiveResource);
  }

  @Override
  public Classification classify(String text) {
    return classifyTokens(TextNormalizer.tokenize(text));
  }

  /** Classifies text already tokenized (the hybrid classifier tokenizes once for both of its halves). */
  Classification classifyTokens(TextNormalizer.Tokens tokens) {
    return read(tokens).classification();
  }

  /**
   * A classification and the categories whose keywords occurred only in known trap contexts. An
   * ads-sensitive topic adds its category unless that category was trapped: "the trump suit in
   * euchre" matches /News/Politics by its word "trump", which the sensitive lexicon knows as a card
   * game there.
   */
  record Reading(Classification classification, Set<SensitiveCategory> trapped, Set<SensitiveCategory> keywordCategories,
      List<SensitiveLexicon.Cue> cues) {}

  /** As {@link #classifyTokens}, keeping the trapped categories and the keyword cues for the hybrid classifier. */
  Reading read(TextNormalizer.Tokens tokens) {
    if (tokens.size() == 0) {
      return new Reading(Classification.EMPTY, Set.of(), Set.of(), List.of());
    }
    List<TopicLexicon.Hit> hits = topics.score(tokens);
    hits.sort(HIT_ORDER);
    SensitiveLexicon.Detection detection = sensitive.inspect(tokens);
    EnumSet<SensitiveCategory> categories = EnumSet.noneOf(SensitiveCategory.class);
    categories.addAll(detection.found());
    List<TopicScore> scored = new ArrayList<>(Math.min(hits.size(), MAX_TOPICS));
    for (TopicLexicon.Hit hit : hits.subList(0, Math.min(hits.size(), MAX_TOPICS))) {
      scored.add(new TopicScore(hit.topicId(), hit.score() / (hit.score() + HALF_SATURATION)));
      taxonomy.sensitiveCategoryOf(hit.topicId())
          .filter(c -> !detection.trapped().contains(c))
          .ifPresent(categories::add);
    }
    return new Reading(new Classification(scored, categories), detection.trapped(), detection.found(), detection.cues());
  }

  /** The sensitive-term lexicon, which {@link KeywordSense} reads its training keywords with. */
  SensitiveLexicon sensitiveLexicon() {
    return sensitive;
  }

  @Override
  public String version() {
    return VERSION;
  }
}
