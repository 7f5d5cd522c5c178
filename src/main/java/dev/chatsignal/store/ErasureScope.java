package dev.chatsignal.store;

/** How much of a profile an erasure removes. */
public enum ErasureScope {
  /** Every source and every suppression: the profile record is deleted. */
  ALL,
  /** Only the entries derived from assistant chats. */
  CHAT_ONLY
}
