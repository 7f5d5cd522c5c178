package dev.chatsignal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where profiles live durably, shared by every replica that uses the same backend. Updates are applied
 * by the repository itself (atomically per user, idempotent per interaction id), never as a
 * read-modify-write by the caller, so concurrent replicas lose no update. Thread-safe.
 *
 * @see LocalProfileRepository
 */
public interface ProfileRepository extends AutoCloseable {
  /**
   * The stored profile, or empty when the user has none.
   *
   * @throws StoreException when the backend cannot be read
   */
  Optional<Profile> load(String userId);

  /**
   * Applies each user's ops in order, then keeps each touched profile to its strongest topics at
   * {@code now}. Returns, per user and op, true when applied and false when its interaction id had
   * been applied before. Durable when it returns.
   *
   * @throws StoreException when the backend fails; then no op of the failed user was acknowledged
   */
  List<List<Boolean>> apply(List<UserOps> batch, Instant now);

  /**
   * Erases all of a profile or its chat-derived part, in every app or in one. Interaction ids stay
   * remembered; suppressions go only with a whole-profile erasure (scope ALL, every app).
   *
   * @param app only this app's entries, or empty for every app
   * @throws StoreException when the backend fails
   */
  Erasure erase(String userId, ErasureScope scope, Optional<String> app);

  /**
   * Registers a listener for user ids whose profile another replica changed. Stores that only this
   * process writes have no such events.
   */
  default void subscribeInvalidations(java.util.function.Consumer<String> listener) {}

  /** True when the backend answers now (used by the health report). */
  boolean ping();

  /** Short description for the startup line. */
  String describe();

  @Override
  void close();
}
