package dev.chatsignal.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Rewrites typed text the way a speech recognizer would hand it over: lowercase, no punctuation,
 * spoken fillers ("um", "like", "you know") and a few ASR slips (homophones, a dropped short word).
 * Deterministic for a given {@link Random} seed. Test fixture only.
 */
final class TranscriptStyle {
  private static final String[] FILLERS = {"um", "uh", "like", "you know", "so", "i mean", "hmm"};
  private static final Map<String, String> SLIPS = Map.ofEntries(
      Map.entry("to", "too"), Map.entry("for", "four"), Map.entry("their", "there"),
      Map.entry("your", "you're"), Map.entry("right", "write"), Map.entry("know", "no"),
      Map.entry("new", "knew"), Map.entry("buy", "by"), Map.entry("week", "weak"),
      Map.entry("would", "wood"), Map.entry("whats", "what's"), Map.entry("its", "it's"));

  private TranscriptStyle() {}

  /** The transcript-style copy of {@code text}; draws from {@code random} in a fixed order. */
  static String of(String text, Random random) {
    String lower = text.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9 ]+", " ");
    List<String> out = new ArrayList<>();
    for (String word : lower.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      double r = random.nextDouble();
      if (r < 0.12) {
        out.add(FILLERS[random.nextInt(FILLERS.length)]);
      }
      double slip = random.nextDouble();
      if (slip < 0.05 && word.length() <= 3 && out.size() > 0) {
        continue; // the recognizer swallowed a short word
      }
      out.add(slip < 0.25 && SLIPS.containsKey(word) ? SLIPS.get(word).replace("'", "") : word);
    }
    return String.join(" ", out);
  }
}
