package dev.chatsignal.api;

/**
 * Size limits on requests, checked at the edge before any work is done.
 *
 * @param maxInteractions interactions per IngestInteractions call
 * @param maxCandidates candidates per ScoreCandidates call
 * @param maxTextChars characters per chat turn, candidate or context text
 * @param maxTopicsPerItem topics per candidate or engagement
 */
public record RequestLimits(int maxInteractions, int maxCandidates, int maxTextChars, int maxTopicsPerItem) {
  public static final int MAX_ID_CHARS = 128;
  public static final int MAX_ITEM_ID_CHARS = 256;

  public RequestLimits {
    if (maxInteractions < 1 || maxCandidates < 1 || maxTextChars < 1 || maxTopicsPerItem < 1) {
      throw new IllegalArgumentException("request limits must be >= 1");
    }
  }

  public static RequestLimits defaults() {
    return new RequestLimits(1000, 2000, 4000, 32);
  }
}
