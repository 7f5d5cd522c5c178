package dev.chatsignal.topics;

/**
 * Turns a short text (a chat turn, a voice transcript, an item caption) into topics and sensitive
 * categories. Implementations are thread-safe and never retain or log the text.
 */
public interface TextClassifier {
  /**
   * Classifies one text.
   *
   * @param text any string, possibly empty; typed or transcribed (lowercase, unpunctuated, fillers)
   * @return topics best first (possibly none) and every sensitive category found; when unsure whether
   *     a text is sensitive, implementations report the category (fail closed)
   */
  Classification classify(String text);

  /** Identifies the model and lexicon versions, stamped on responses. */
  String version();
}
