package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable index of word phrases, each with a payload, matched against {@link TextNormalizer.Tokens}
 * in one left-to-right pass.
 *
 * <p>Phrase syntax (as written in the lexicon files): words separated by spaces; a word matches by stem
 * ("hiking" matches "hikes"), or exactly when prefixed with {@code =} ("=blacks" matches only that
 * spelling); {@code {a|b c}} expands to alternatives, so {@code {black|white} {man|people}} is four
 * phrases. Built once, then read-only and thread-safe.
 *
 * @param <T> the payload type
 */
final class PhraseIndex<T> {
  /** Receives each match: the payload, the first token index and the phrase length in tokens. */
  interface MatchSink<T> {
    void accept(T payload, int start, int length);
  }

  private record Entry<T>(String[] words, boolean[] exact, T payload) {}

  private final Map<String, List<Entry<T>>> byFirstStem;
  private final Map<String, List<Entry<T>>> byFirstRaw;

  private PhraseIndex(Map<String, List<Entry<T>>> byFirstStem, Map<String, List<Entry<T>>> byFirstRaw) {
    this.byFirstStem = byFirstStem;
    this.byFirstRaw = byFirstRaw;
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Reports every phrase occurrence in {@code tokens}, overlapping ones included. */
  void match(TextNormalizer.Tokens tokens, MatchSink<T> sink) {
    for (int i = 0; i < tokens.size(); i++) {
      List<Entry<T>> byStem = byFirstStem.get(tokens.stems()[i]);
      if (byStem != null) {
        emit(byStem, tokens, i, sink);
      }
      List<Entry<T>> byRaw = byFirstRaw.get(tokens.raw()[i]);
      if (byRaw != null) {
        emit(byRaw, tokens, i, sink);
      }
    }
  }

  private void emit(List<Entry<T>> entries, TextNormalizer.Tokens tokens, int start, MatchSink<T> sink) {
    for (Entry<T> e : entries) {
      if (matchesAt(e, tokens, start)) {
        sink.accept(e.payload(), start, e.words().length);
      }
    }
  }

  private static boolean matchesAt(Entry<?> e, TextNormalizer.Tokens tokens, int start) {
    if (start + e.words().length > tokens.size()) {
      return false;
    }
    for (int k = 1; k < e.words().length; k++) {
      String[] side = e.exact()[k] ? tokens.raw() : tokens.stems();
      if (!e.words()[k].equals(side[start + k])) {
        return false;
      }
    }
    return true;
  }

  /** Expands the {@code {a|b}} alternatives of one phrase spec into plain phrase strings. */
  static List<String> expand(String spec) {
    int open = spec.indexOf('{');
    if (open < 0) {
      return List.of(spec.trim());
    }
    int close = spec.indexOf('}', open);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed { in phrase: " + spec);
    }
    List<String> out = new ArrayList<>();
    for (String alt : spec.substring(open + 1, close).split("\\|")) {
      out.addAll(expand(spec.substring(0, open) + alt + spec.substring(close + 1)));
    }
    return out;
  }

  /** Collects phrases; not thread-safe, used only while a lexicon is being compiled. */
  static final class Builder<T> {
    private final Map<String, List<Entry<T>>> byFirstStem = new HashMap<>();
    private final Map<String, List<Entry<T>>> byFirstRaw = new HashMap<>();

    /** Adds every expansion of {@code spec}; a spec that normalizes to no words is ignored. */
    Builder<T> add(String spec, T payload) {
      for (String phrase : expand(spec)) {
        addOne(phrase, payload);
      }
      return this;
    }

    private void addOne(String phrase, T payload) {
      List<String> words = new ArrayList<>();
      List<Boolean> exact = new ArrayList<>();
      for (String part : phrase.trim().split("\\s+")) {
        boolean isExact = part.startsWith("=");
        TextNormalizer.Tokens t = TextNormalizer.tokenize(isExact ? part.substring(1) : part);
        for (int k = 0; k < t.size(); k++) {
          words.add(isExact ? t.raw()[k] : t.stems()[k]);
          exact.add(isExact);
        }
      }
      if (words.isEmpty()) {
        return;
      }
      boolean[] flags = new boolean[exact.size()];
      for (int k = 0; k < flags.length; k++) {
        flags[k] = exact.get(k);
      }
      Entry<T> entry = new Entry<>(words.toArray(new String[0]), flags, payload);
      (flags[0] ? byFirstRaw : byFirstStem).computeIfAbsent(entry.words()[0], w -> new ArrayList<>()).add(entry);
    }

    PhraseIndex<T> build() {
      return new PhraseIndex<>(freeze(byFirstStem), freeze(byFirstRaw));
    }

    private static <T> Map<String, List<Entry<T>>> freeze(Map<String, List<Entry<T>>> map) {
      Map<String, List<Entry<T>>> copy = new HashMap<>();
      map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return Map.copyOf(copy);
    }
  }
}
