package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores taxonomy topics for a text from two term sources: each topic's own name segments
 * ("Hiking &amp; Camping" gives {@code hiking} and {@code camping}), and a hand-written synonym lexicon
 * ({@code topic_lexicon_v1.tsv}).
 *
 * <p>File format, tab-separated: {@code topic_id  weight  phrases}, phrases {@code ;}-separated in
 * {@link PhraseIndex} syntax, weight in (0, 1]. A line {@code stop  -  phrases} lists name segments too
 * ambiguous to match on their own ("running", "watches", "home"); the synonym lexicon then says what
 * should match instead. A topic's score is the sum, over its distinct matched phrases, of the phrase
 * weight times {@code 1 + 0.3 * (words - 1)}, so longer, more specific phrases count more.
 * Immutable and thread-safe after construction.
 */
final class TopicLexicon {
  static final String DEFAULT_RESOURCE = "/topics/topic_lexicon_v1.tsv";
  static final double NAME_WEIGHT = 1.0;
  /* Each extra word in a matched phrase adds 30%: "check engine light" outranks a bare "light". */
  static final double PHRASE_BONUS = 0.3;

  private record Term(int id, int topicId, double weight) {}

  /** One scored topic; {@code depth} breaks ties towards the more specific topic. */
  record Hit(int topicId, double score, int depth) {}

  private final PhraseIndex<Term> index;
  private final Map<Integer, Integer> depthById;

  private TopicLexicon(PhraseIndex<Term> index, Map<Integer, Integer> depthById) {
    this.index = index;
    this.depthById = Map.copyOf(depthById);
  }

  /** Compiles the lexicon for {@code taxonomy}; fails with {@link IllegalStateException} on a bad line. */
  static TopicLexicon load(Taxonomy taxonomy, String resource) {
    return compile(taxonomy, LexiconFile.read(resource));
  }

  /** Compiles parsed lexicon lines for {@code taxonomy}; fails naming a bad line. */
  static TopicLexicon compile(Taxonomy taxonomy, List<LexiconFile.Line> lines) {
    Set<String> stops = new HashSet<>();
    for (LexiconFile.Line line : lines) {
      if (line.field(0).equals("stop")) {
        SensitiveLexicon.splitList(line.field(2)).forEach(s -> stops.add(s.toLowerCase(Locale.ROOT)));
      }
    }
    PhraseIndex.Builder<Term> builder = PhraseIndex.builder();
    Map<Integer, Integer> depth = new HashMap<>();
    int id = 0;
    for (Topic topic : taxonomy.all()) {
      depth.put(topic.id(), topic.path().split("/").length - 1);
      for (String segment : nameSegments(topic.name())) {
        if (!stops.contains(segment)) {
          builder.add(segment, new Term(id++, topic.id(), NAME_WEIGHT));
        }
      }
    }
    for (LexiconFile.Line line : lines) {
      if (line.field(0).equals("stop")) {
        continue;
      }
      int topicId = parseTopic(line, taxonomy);
      double weight = line.weight(1);
      List<String> phrases = SensitiveLexicon.splitList(line.field(2));
      if (phrases.isEmpty()) {
        throw line.error("no phrases");
      }
      for (String phrase : phrases) {
        builder.add(phrase, new Term(id++, topicId, weight));
      }
    }
    return new TopicLexicon(builder.build(), depth);
  }

  /** Splits a topic name on {@code &}, commas and parentheses into lowercase phrases. */
  static List<String> nameSegments(String name) {
    List<String> out = new ArrayList<>();
    for (String part : name.toLowerCase(Locale.ROOT).split("[&,()]")) {
      if (!part.isBlank()) {
        out.add(part.trim().replaceAll("\\s+", " "));
      }
    }
    return out;
  }

  /** Topics matched in {@code tokens}, unordered; each topic at most once. */
  List<Hit> score(TextNormalizer.Tokens tokens) {
    Map<Integer, Double> scores = new HashMap<>();
    BitSet seen = new BitSet();
    index.match(tokens, (term, start, length) -> {
      if (!seen.get(term.id())) {
        seen.set(term.id());
        scores.merge(term.topicId(), term.weight() * (1 + PHRASE_BONUS * (length - 1)), Double::sum);
      }
    });
    List<Hit> hits = new ArrayList<>(scores.size());
    scores.forEach((topicId, score) -> hits.add(new Hit(topicId, score, depthById.getOrDefault(topicId, 1))));
    return hits;
  }

  private static int parseTopic(LexiconFile.Line line, Taxonomy taxonomy) {
    try {
      int topicId = Integer.parseInt(line.field(0));
      if (taxonomy.contains(topicId)) {
        return topicId;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw line.error("unknown topic id '" + line.field(0) + "'");
  }
}
