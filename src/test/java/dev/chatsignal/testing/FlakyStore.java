package dev.chatsignal.testing;

import dev.chatsignal.store.InMemoryStore;
import dev.chatsignal.store.LocalStore;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.StoreException;
import dev.chatsignal.store.UserWrite;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real in-memory store with two test hooks: it counts loads, and it can be told to fail, the way
 * a full disk or a lost connection fails a real store.
 */
public final class FlakyStore implements LocalStore {
  public final InMemoryStore memory = new InMemoryStore();
  public final AtomicInteger loads = new AtomicInteger();
  public volatile boolean failing;

  @Override
  public Optional<Profile> load(String userId) {
    loads.incrementAndGet();
    if (failing) {
      throw new StoreException("store unavailable", null);
    }
    return memory.load(userId);
  }

  @Override
  public boolean seen(String userId, String interactionId) {
    return memory.seen(userId, interactionId);
  }

  @Override
  public void commit(List<UserWrite> writes) {
    if (failing) {
      throw new StoreException("store unavailable", null);
    }
    memory.commit(writes);
  }

  @Override
  public String describe() {
    return "flaky";
  }

  @Override
  public void close() {}
}
