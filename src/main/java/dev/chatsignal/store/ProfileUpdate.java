package dev.chatsignal.store;

import java.util.function.Predicate;

/**
 * A change to one user's profile, computed under that user's lock.
 */
@FunctionalInterface
public interface ProfileUpdate {
  /**
   * @param current the user's profile now ({@link Profile#EMPTY} when none)
   * @param seen tells whether an interaction id was already committed for this user
   * @return the profile to store and the interaction ids to remember
   */
  Change apply(Profile current, Predicate<String> seen);

  /** The outcome of an update; {@code next == current} with no ids writes nothing. */
  record Change(Profile next, java.util.List<String> newInteractionIds) {
    public Change {
      newInteractionIds = java.util.List.copyOf(newInteractionIds);
    }
  }
}
