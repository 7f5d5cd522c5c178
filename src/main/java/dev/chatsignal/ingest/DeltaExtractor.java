package dev.chatsignal.ingest;

import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.SensitiveCategory;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicScore;
import dev.chatsignal.topics.TopicWeight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an interaction's content into a {@link ProfileDelta}. Chat text is classified here and then
 * dropped; only topic ids and weights leave this class.
 *
 * <p>The delta lists every sensitive category the content revealed: those the classifier found and
 * those of its sensitive topics (e.g. /News/Politics reveals a political opinion). The ingestor
 * withholds the whole interaction when the policy counts any of them: a mixed turn ("as a diabetic,
 * which hiking snacks ...") contributes nothing.
 */
final class DeltaExtractor {
  private final TextClassifier classifier;
  private final Taxonomy taxonomy;
  private final IngestConfig config;

  DeltaExtractor(TextClassifier classifier, Taxonomy taxonomy, IngestConfig config) {
    this.classifier = classifier;
    this.taxonomy = taxonomy;
    this.config = config;
  }

  ProfileDelta extract(Interaction interaction, Instant now) {
    Instant at = interaction.eventTime().isAfter(now) ? now : interaction.eventTime();
    if (interaction.signal() instanceof Signal.Chat chat) {
      return fromChat(chat, at);
    }
    return fromEngagement((Signal.Engagement) interaction.signal(), at);
  }

  private ProfileDelta fromChat(Signal.Chat chat, Instant at) {
    Classification c = classifier.classify(chat.text());
    double weight = config.sourceWeights().get(SignalSource.CHAT);
    List<ProfileDelta.Addition> additions = new ArrayList<>();
    for (TopicScore t : c.topics()) {
      if (t.confidence() >= config.minChatConfidence() && taxonomy.contains(t.topicId())) {
        additions.add(new ProfileDelta.Addition(t.topicId(), SignalSource.CHAT, t.confidence() * weight));
      }
    }
    return new ProfileDelta(additions, List.of(), at, null, revealed(c));
  }

  private ProfileDelta fromEngagement(Signal.Engagement e, Instant at) {
    List<TopicWeight> topics = e.topics();
    Set<SensitiveCategory> revealed = Set.of();
    if (topics.isEmpty()) {
      Classification c = classifier.classify(e.text());
      revealed = revealed(c);
      topics = new ArrayList<>();
      for (TopicScore t : c.topics()) {
        if (t.confidence() >= config.minChatConfidence()) {
          topics.add(new TopicWeight(t.topicId(), t.confidence()));
        }
      }
    }
    if (e.kind().source().isEmpty()) {
      List<Integer> suppressed = topics.stream().map(TopicWeight::topicId).toList();
      return new ProfileDelta(List.of(), suppressed, at, at.plus(config.suppression()), revealed);
    }
    SignalSource source = e.kind().source().get();
    double weight = config.sourceWeights().get(source);
    List<ProfileDelta.Addition> additions = new ArrayList<>();
    for (TopicWeight t : topics) {
      additions.add(new ProfileDelta.Addition(t.topicId(), source, t.weight() * weight));
    }
    return new ProfileDelta(additions, List.of(), at, null, revealed);
  }

  private Set<SensitiveCategory> revealed(Classification c) {
    Set<SensitiveCategory> found = EnumSet.noneOf(SensitiveCategory.class);
    found.addAll(c.sensitiveCategories());
    for (TopicScore t : c.topics()) {
      taxonomy.sensitiveCategoryOf(t.topicId()).ifPresent(found::add);
    }
    return found;
  }
}
