package dev.chatsignal.store;

/**
 * Where a profile signal came from. Codes are persisted: never renumber, only append.
 */
public enum SignalSource {
  CHAT(1),
  LIKE(2),
  FOLLOW(3),
  SHARE(4),
  COMMENT(5),
  JOIN_GROUP(6),
  WATCH(7);

  private final int code;

  SignalSource(int code) {
    this.code = code;
  }

  /** The persisted code, 1..127. */
  public int code() {
    return code;
  }

  public static SignalSource ofCode(int code) {
    for (SignalSource source : values()) {
      if (source.code == code) {
        return source;
      }
    }
    throw new IllegalArgumentException("signal source code: " + code + " (expected: 1..7)");
  }
}
