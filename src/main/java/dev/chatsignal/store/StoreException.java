package dev.chatsignal.store;

/** The durable store failed; nothing of the failed operation was acknowledged. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
