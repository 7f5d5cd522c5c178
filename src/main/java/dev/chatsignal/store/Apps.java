package dev.chatsignal.store;

import java.util.regex.Pattern;

/**
 * App names: where a signal happened ({@code instagram}, {@code whatsapp}, ...). Profiles keep each
 * app's signals apart so that scoring can use only the apps whose accounts are linked. A caller that
 * sends no app means {@link #DEFAULT}, the one app of a single-app deployment.
 */
public final class Apps {
  /** The app of every signal and request that names none. */
  public static final String DEFAULT = "default";
  /** Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit; never a ':'. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
  public static final String RULE = "lower-case [a-z0-9][a-z0-9._-]{0,31}";

  private Apps() {}

  public static boolean isValid(String app) {
    return app != null && NAME.matcher(app).matches();
  }

  /**
   * For constructors of values that carry an app.
   *
   * @throws IllegalArgumentException naming the app and the rule when it is not a valid name
   */
  public static void requireValid(String app) {
    if (!DEFAULT.equals(app) && !isValid(app)) {
      throw new IllegalArgumentException("app: '" + app + "' (expected: " + RULE + ")");
    }
  }
}
