package dev.chatsignal.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A non-durable repository for tests and {@code CHATSIGNAL_STORE=memory}. It passes the same contract
 * tests as the durable stores, except that a restart forgets everything.
 */
public final class InMemoryStore implements LocalStore {
  private final Map<String, byte[]> profiles = new ConcurrentHashMap<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  @Override
  public Optional<Profile> load(String userId) {
    byte[] bytes = profiles.get(userId);
    return bytes == null ? Optional.empty() : Optional.of(ProfileCodec.decode(bytes));
  }

  @Override
  public boolean seen(String userId, String interactionId) {
    return seen.contains(userId + '\u0000' + interactionId);
  }

  @Override
  public synchronized void commit(List<UserWrite> writes) {
    for (UserWrite write : writes) {
      if (write.profile().isEmpty()) {
        profiles.remove(write.userId());
      } else {
        profiles.put(write.userId(), ProfileCodec.encode(write.profile()));
      }
      for (String id : write.newInteractionIds()) {
        seen.add(write.userId() + '\u0000' + id);
      }
    }
  }

  @Override
  public String describe() {
    return "memory (not durable)";
  }

  @Override
  public void close() {}
}
