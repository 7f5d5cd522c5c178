package dev.chatsignal.topics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns typed text or a voice transcript into the same token sequence: lowercase ASCII words, without
 * punctuation, diacritics or spoken fillers, each with its {@link Stemmer} stem.
 *
 * <p>"I'm HIKING, um, you know, in the Rockies!" and "im hiking um you know in the rockies" give equal
 * tokens. Apostrophes join ("parkinson's" is {@code parkinsons}); hyphens split; runs of spelled-out
 * letters merge ("d n a" is {@code dna}, "face i d" is {@code face id}; a leading "a" or "i" in
 * a run of three or more stays a word). Stateless and thread-safe; the
 * text is not retained.
 */
final class TextNormalizer {
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Set<String> FILLERS = Set.of(
      "um", "umm", "uh", "uhh", "uhm", "erm", "er", "hmm", "hm", "mm", "mhm", "ah", "like");

  /** The tokens of one text; {@code raw[i]} is the lowercase word and {@code stems[i]} its stem. */
  record Tokens(String[] raw, String[] stems) {
    static final Tokens EMPTY = new Tokens(new String[0], new String[0]);

    int size() {
      return raw.length;
    }
  }

  private TextNormalizer() {}

  /** Tokenizes {@code text}; null or blank text gives {@link Tokens#EMPTY}. */
  static Tokens tokenize(String text) {
    if (text == null || text.isBlank()) {
      return Tokens.EMPTY;
    }
    List<String> words = mergeSpelledLetters(dropFillers(split(fold(text))));
    String[] raw = words.toArray(new String[0]);
    String[] stems = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      stems[i] = Stemmer.stem(raw[i]);
    }
    return new Tokens(raw, stems);
  }

  /**
   * The normalized words of {@code text} joined by single spaces: what the sentence encoder sees, so
   * that typed text and its transcript embed alike. Null or blank gives "".
   */
  static String normalized(String text) {
    return String.join(" ", tokenize(text).raw());
  }

  private static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) > 127) {
        return COMBINING_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("")
            .replace('\u2019', '\'').replace('\u2018', '\'');
      }
    }
    return lower;
  }

  private static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.append(c);
      } else if (c == '\'' && word.length() > 0) {
        continue;
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static List<String> dropFillers(List<String> words) {
    List<String> kept = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (FILLERS.contains(w)) {
        continue;
      }
      if (w.equals("you") && i + 1 < words.size() && words.get(i + 1).equals("know")
          && !(i > 0 && words.get(i - 1).equals("do"))) {
        i++;
        continue;
      }
      kept.add(w);
    }
    return kept;
  }

  private static List<String> mergeSpelledLetters(List<String> words) {
    List<String> merged = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      int j = i;
      while (j < words.size() && words.get(j).length() == 1 && Character.isLetter(words.get(j).charAt(0))) {
        j++;
      }
      if (j - i >= 3 && (words.get(i).equals("a") || words.get(i).equals("i"))) {
        merged.add(words.get(i)); // "a d n a test": the article stays a word
        i++;
      }
      if (j - i >= 2) {
        merged.add(String.join("", words.subList(i, j)));
        i = j - 1;
      } else {
        merged.add(words.get(i));
      }
    }
    return merged;
  }
}
