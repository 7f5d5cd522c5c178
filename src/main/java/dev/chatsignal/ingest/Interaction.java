package dev.chatsignal.ingest;

import java.time.Instant;

/**
 * One validated interaction. {@link #toString()} never prints chat text.
 *
 * @param interactionId idempotency key, unique per user
 */
public record Interaction(String interactionId, String userId, String country, Instant eventTime, Signal signal) {
  public boolean isChat() {
    return signal instanceof Signal.Chat;
  }
}
