package dev.chatsignal.api;

/**
 * A request field broke a rule. The message has the form {@code field: value (expected: rule)} and is
 * sent to the caller as an INVALID_ARGUMENT description, so it must never contain chat text: callers of
 * {@link #of} pass a placeholder such as {@code <4001 chars>} for text fields.
 */
final class InvalidArgument extends RuntimeException {
  private InvalidArgument(String message) {
    super(message, null, false, false);
  }

  /**
   * The same violation with its field path under {@code prefix}, e.g. {@code candidates[3].}: callers
   * check list elements with relative names and build the full path only when a rule is broken.
   */
  InvalidArgument under(String prefix) {
    return new InvalidArgument(prefix + getMessage());
  }

  static InvalidArgument of(String field, Object value, String rule) {
    return new InvalidArgument(field + ": " + value + " (expected: " + rule + ")");
  }
}
