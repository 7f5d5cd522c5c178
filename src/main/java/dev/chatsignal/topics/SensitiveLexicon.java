package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Detects the sensitive categories a text reveals, from a versioned term lexicon
 * ({@code sensitive_lexicon_v2.tsv}) plus {@link ClinicalSuffixes}.
 *
 * <p>File format, tab-separated: {@code category  weight  phrases  unless}. {@code phrases} is a
 * {@code ;}-separated list in {@link PhraseIndex} syntax; {@code weight} in (0, 1]; {@code unless} an
 * optional {@code ;}-separated list of context phrases that, anywhere in the text, cancel the entry
 * ("virus" unless "laptop"), and an optional fifth field {@code sense}: {@code other} (the default) when
 * the contexts show the word in another sense, so that a cancelled match marks the category as
 * {@linkplain Detection#trapped() trapped}, or {@code same} when they show the same sense used without
 * a disclosure ("mexican" with "recipe"), which marks nothing. A category is reported when the weights of its distinct matched cues
 * sum to at least 1, so a weak cue (weight 0.5) needs a second, different cue; a cue is the matched
 * word sequence, so a repeated word or its plural ("policy", "policies") counts once.
 *
 * <p>Recall comes first: one strong term is enough, and context rules exist only for well-known traps.
 * Immutable and thread-safe after construction.
 */
final class SensitiveLexicon {
  static final String DEFAULT_RESOURCE = "/topics/sensitive_lexicon_v2.tsv";
  private static final int CATEGORY_COUNT = SensitiveCategory.values().length;

  /* marksTrap: a cancelled match means the word was met in another sense (see Detection). */
  private record Term(SensitiveCategory category, double weight, int[] unless, boolean marksTrap) {}

  private final PhraseIndex<Term> terms;
  private final PhraseIndex<Integer> contexts;

  private SensitiveLexicon(PhraseIndex<Term> terms, PhraseIndex<Integer> contexts) {
    this.terms = terms;
    this.contexts = contexts;
  }

  /** Compiles a lexicon resource; fails with {@link IllegalStateException} naming a bad line. */
  static SensitiveLexicon load(String resource) {
    return compile(LexiconFile.read(resource));
  }

  /** Compiles parsed lexicon lines; fails with {@link IllegalStateException} naming a bad line. */
  static SensitiveLexicon compile(List<LexiconFile.Line> lines) {
    PhraseIndex.Builder<Term> terms = PhraseIndex.builder();
    PhraseIndex.Builder<Integer> contexts = PhraseIndex.builder();
    Map<String, Integer> contextIds = new HashMap<>();
    for (LexiconFile.Line line : lines) {
      SensitiveCategory category = parseCategory(line);
      double weight = line.weight(1);
      List<Integer> unless = new ArrayList<>();
      for (String phrase : splitList(line.field(3))) {
        unless.add(contextIds.computeIfAbsent(phrase, p -> {
          contexts.add(p, contextIds.size());
          return contextIds.size();
        }));
      }
      int[] unlessIds = unless.stream().mapToInt(Integer::intValue).toArray();
      boolean marksTrap = switch (line.field(4)) {
        case "", "other" -> true;
        case "same" -> false;
        default -> throw line.error("sense '" + line.field(4) + "' (expected: other or same)");
      };
      List<String> phrases = splitList(line.field(2));
      if (phrases.isEmpty()) {
        throw line.error("no phrases");
      }
      for (String phrase : phrases) {
        terms.add(phrase, new Term(category, weight, unlessIds, marksTrap));
      }
    }
    return new SensitiveLexicon(terms.build(), contexts.build());
  }

  /**
   * What the lexicon read in a text: the categories it reveals, and the categories one of whose terms
   * occurred in a known trap context ("virus" with "laptop"), i.e. a keyword recognized in its benign
   * sense. A category can be in both (a second, uncancelled term). {@code cues} are where the
   * uncancelled keywords matched, for reading their sense in the sentence ({@link KeywordSense}).
   */
  record Detection(Set<SensitiveCategory> found, Set<SensitiveCategory> trapped, List<Cue> cues) {}

  /**
   * Where a category's keyword matched outside any trap context: tokens {@code [start, start + length)}.
   * Every match counts, weak ones and repeats included, whether or not the category reached its sum.
   */
  record Cue(SensitiveCategory category, int start, int length) {}

  /** Every category {@code tokens} reveal; empty when none. Never null. */
  Set<SensitiveCategory> detect(TextNormalizer.Tokens tokens) {
    return inspect(tokens).found();
  }

  /** The categories {@code tokens} reveal and those whose keywords occurred in a trap context. */
  Detection inspect(TextNormalizer.Tokens tokens) {
    EnumSet<SensitiveCategory> found = EnumSet.noneOf(SensitiveCategory.class);
    EnumSet<SensitiveCategory> trapped = EnumSet.noneOf(SensitiveCategory.class);
    List<Cue> cues = new ArrayList<>();
    String[] words = tokens.raw();
    for (int i = 0; i < words.length; i++) {
      if (ClinicalSuffixes.isClinical(words[i])) {
        found.add(SensitiveCategory.HEALTH);
        cues.add(new Cue(SensitiveCategory.HEALTH, i, 1));
      }
    }
    double[] score = new double[CATEGORY_COUNT];
    Set<String> counted = new HashSet<>();
    BitSet[] present = new BitSet[1];
    terms.match(tokens, (term, start, length) -> {
      boolean already = found.contains(term.category());
      if (term.unless().length > 0 && cancelled(term, tokens, present)) {
        if (term.marksTrap() && !already) {
          trapped.add(term.category());
        }
        return;
      }
      cues.add(new Cue(term.category(), start, length));
      if (already) {
        return;
      }
      // a cue counts once per category however often, or in however many spellings, it occurs
      List<String> span = Arrays.asList(tokens.stems()).subList(start, start + length);
      String cue = term.category().ordinal() + ":" + String.join(" ", span);
      if (!counted.add(cue)) {
        return;
      }
      score[term.category().ordinal()] += term.weight();
      if (score[term.category().ordinal()] >= 1.0 - 1e-9) {
        found.add(term.category());
      }
    });
    return new Detection(found, trapped, cues);
  }

  private boolean cancelled(Term term, TextNormalizer.Tokens tokens, BitSet[] present) {
    if (present[0] == null) {
      BitSet bits = new BitSet();
      contexts.match(tokens, (contextId, start, length) -> bits.set(contextId));
      present[0] = bits;
    }
    for (int c : term.unless()) {
      if (present[0].get(c)) {
        return true;
      }
    }
    return false;
  }

  static SensitiveCategory parseCategory(LexiconFile.Line line) {
    try {
      return SensitiveCategory.valueOf(line.field(0));
    } catch (IllegalArgumentException e) {
      throw line.error("unknown category '" + line.field(0) + "'");
    }
  }

  static List<String> splitList(String field) {
    List<String> out = new ArrayList<>();
    for (String part : field.split(";")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }
}
