package dev.chatsignal.ingest;

import dev.chatsignal.store.Apps;
import java.time.Instant;

/**
 * One validated interaction. {@link #toString()} never prints chat text.
 *
 * @param interactionId idempotency key, unique per user
 * @param app the app it happened in ({@link Apps#DEFAULT} when the caller named none)
 */
public record Interaction(
    String interactionId, String userId, String country, Instant eventTime, Signal signal, String app) {
  public Interaction {
    Apps.requireValid(app);
  }

  /** An interaction in the default app. */
  public Interaction(String interactionId, String userId, String country, Instant eventTime, Signal signal) {
    this(interactionId, userId, country, eventTime, signal, Apps.DEFAULT);
  }

  public boolean isChat() {
    return signal instanceof Signal.Chat;
  }
}
