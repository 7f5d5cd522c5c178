package dev.chatsignal.ingest;

import dev.chatsignal.store.SignalSource;
import java.util.Optional;

/** What a user did with an item. HIDE and NOT_INTERESTED suppress topics instead of adding weight. */
public enum EngagementKind {
  LIKE(SignalSource.LIKE),
  FOLLOW(SignalSource.FOLLOW),
  SHARE(SignalSource.SHARE),
  COMMENT(SignalSource.COMMENT),
  JOIN_GROUP(SignalSource.JOIN_GROUP),
  WATCH(SignalSource.WATCH),
  HIDE(null),
  NOT_INTERESTED(null);

  private final SignalSource source;

  EngagementKind(SignalSource source) {
    this.source = source;
  }

  /** The profile source a positive engagement feeds; empty for negative feedback. */
  public Optional<SignalSource> source() {
    return Optional.ofNullable(source);
  }
}
