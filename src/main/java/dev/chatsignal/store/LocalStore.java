package dev.chatsignal.store;

import java.util.List;
import java.util.Optional;

/**
 * A single-process key-value store of encoded profiles and processed interaction ids (RocksDB, or
 * memory for tests). Implementations are thread-safe; {@link LocalProfileRepository} serializes the
 * writes per user and applies the ops in Java, which is safe because one process owns the store.
 */
public interface LocalStore extends AutoCloseable {
  /** The stored profile, or empty when the user has none. */
  Optional<Profile> load(String userId);

  /** True when this user's interaction id was committed before (idempotency). */
  boolean seen(String userId, String interactionId);

  /**
   * Writes all users' changes atomically: after a crash either all of them or none are visible.
   * Returns only once the write is durable (survives a process crash).
   */
  void commit(List<UserWrite> writes);

  /**
   * Like {@link #commit}, but synced to disk before it returns whatever the store's sync setting:
   * erasures must not come undone after a power loss.
   */
  default void commitSynced(List<UserWrite> writes) {
    commit(writes);
  }

  /** Short description for the startup line, e.g. {@code rocksdb(./data/profiles)}. */
  String describe();

  @Override
  void close();
}
