package dev.chatsignal.store;

import java.util.List;

/**
 * One user's part of an atomic store write: the profile to keep ({@link Profile#EMPTY} deletes the
 * record) and the interaction ids to remember as processed.
 */
public record UserWrite(String userId, Profile profile, List<String> newInteractionIds) {
  public UserWrite {
    newInteractionIds = List.copyOf(newInteractionIds);
  }
}
