package dev.chatsignal.store;

import java.util.Optional;

/** How much of a profile an erasure removes. */
public enum ErasureScope {
  /** Every source: with no app named, the whole profile record including suppressions is deleted. */
  ALL,
  /** Only the entries derived from assistant chats. */
  CHAT_ONLY;

  /**
   * True when an entry falls under this scope and, when one is named, the app.
   *
   * @param app only this app's entries, or empty for every app
   */
  public boolean covers(ProfileEntry entry, Optional<String> app) {
    return (this == ALL || entry.source() == SignalSource.CHAT)
        && app.map(entry.app()::equals).orElse(true);
  }
}
