package dev.chatsignal.topics;

import java.util.Set;

/**
 * A light English suffix stripper: plural {@code -s/-es/-ies}, {@code -ing}, {@code -ed}, a final
 * silent {@code e} and a final consonant-{@code y}, so "hike", "hikes", "hiked" and "hiking" share one
 * stem ({@code hik}), as do "baby" and "babies" ({@code babi}), "movie" and "movies" ({@code movi}).
 *
 * <p>Stems are match keys, not words: the same function is applied to lexicon terms and to text, so
 * only consistency matters. Stateless and thread-safe. Input must already be lowercase ASCII.
 */
final class Stemmer {
  /* Words whose trailing "s" is not a plural; stripping it would collide with another word. */
  private static final Set<String> KEEP = Set.of(
      "news", "series", "species", "always", "perhaps", "lens", "diabetes", "herpes", "rabies",
      "measles", "mumps", "scabies", "physics", "politics", "aids", "sometimes", "whereas", "thanks",
      "christmas", "texas", "kansas", "arkansas", "paris", "tennis", "chess", "jeans", "pants", "shorts");

  private Stemmer() {}

  /** Returns the stem of one lowercase token; tokens of three or fewer letters are returned as is. */
  static String stem(String word) {
    if (word.length() <= 3 || KEEP.contains(word) || !Character.isLetter(word.charAt(word.length() - 1))) {
      return word;
    }
    String w = word;
    if (w.endsWith("ies") && w.length() > 4) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("ing") && hasVowel(w, w.length() - 3) && w.length() - 3 >= 3) {
      w = undouble(w.substring(0, w.length() - 3));
    } else if (w.endsWith("ied") && w.length() > 4) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("ed") && !w.endsWith("eed") && w.length() - 2 >= 3 && hasVowel(w, w.length() - 2)) {
      w = undouble(w.substring(0, w.length() - 2));
    }
    if (w.endsWith("e") && w.length() > 3 && !w.endsWith("ee")) {
      w = w.substring(0, w.length() - 1);
    }
    int n = w.length();
    if (n > 3 && w.charAt(n - 1) == 'y' && "aeiouy".indexOf(w.charAt(n - 2)) < 0) {
      w = w.substring(0, n - 1) + "i";
    }
    return w;
  }

  private static boolean hasVowel(String w, int end) {
    for (int i = 0; i < end; i++) {
      if ("aeiouy".indexOf(w.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /* running -> run, shopped -> shop; but keep "ll", "ss", "zz" (calling -> call). */
  private static String undouble(String w) {
    int n = w.length();
    if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0
        && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
