package dev.chatsignal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatsignal.testing.FakeTicker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProfileStoreTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private final AtomicInteger loads = new AtomicInteger();
  private final InMemoryProfileRepository memory = new InMemoryProfileRepository();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** Counts loads and can fail commits, wrapping the real in-memory repository. */
  private final class CountingRepository implements ProfileRepository {
    boolean failCommits;

    @Override
    public Optional<Profile> load(String userId) {
      loads.incrementAndGet();
      return memory.load(userId);
    }

    @Override
    public boolean seen(String userId, String interactionId) {
      return memory.seen(userId, interactionId);
    }

    @Override
    public void commit(List<UserWrite> writes) {
      if (failCommits) {
        throw new StoreException("disk full", null);
      }
      memory.commit(writes);
    }

    @Override
    public String describe() {
      return "counting";
    }

    @Override
    public void close() {}
  }

  private static Profile hiking() {
    return Profile.EMPTY.reinforce(472, SignalSource.CHAT, 0.5, T, DecayPolicy.defaults());
  }

  @Test
  void repeatedReads_hitTheCache_evenForUsersWithoutProfile() {
    ProfileStore store = new ProfileStore(new CountingRepository(), 1 << 20, new FakeTicker(), registry);
    store.get("nobody");
    store.get("nobody");
    assertEquals(1, loads.get());
    assertEquals(1.0, registry.get("chatsignal.store.reads").counter().count());
  }

  @Test
  void update_writesThroughToTheStoreBeforeTheCache() {
    ProfileStore store = new ProfileStore(new CountingRepository(), 1 << 20, new FakeTicker(), registry);
    store.update("u1", (current, seen) -> new ProfileUpdate.Change(hiking(), List.of("i1")));
    assertEquals(hiking(), memory.load("u1").orElseThrow());
    assertEquals(hiking(), store.get("u1"));
    assertEquals(true, memory.seen("u1", "i1"));
  }

  @Test
  void failedCommit_leavesCacheUnchanged() {
    CountingRepository repository = new CountingRepository();
    ProfileStore store = new ProfileStore(repository, 1 << 20, new FakeTicker(), registry);
    store.get("u1");
    repository.failCommits = true;
    assertThrows(StoreException.class,
        () -> store.update("u1", (current, seen) -> new ProfileUpdate.Change(hiking(), List.of())));
    assertSame(Profile.EMPTY, store.get("u1"));
  }

  @Test
  void erase_removesFromCacheAndStore() {
    ProfileStore store = new ProfileStore(new CountingRepository(), 1 << 20, new FakeTicker(), registry);
    store.update("u1", (current, seen) -> new ProfileUpdate.Change(hiking(), List.of()));
    Erasure erasure = store.erase("u1", ErasureScope.ALL);
    assertEquals(new Erasure(1, true), erasure);
    assertEquals(Optional.empty(), memory.load("u1"));
    assertSame(Profile.EMPTY, store.get("u1"));
  }

  @Test
  void cache_isBoundedByWeight() {
    ProfileStore store = new ProfileStore(new CountingRepository(), 2_000, new FakeTicker(), registry);
    for (int i = 0; i < 200; i++) {
      String user = "user-" + i;
      store.update(user, (current, seen) -> new ProfileUpdate.Change(hiking(), List.of()));
    }
    store.get("user-0");
    int before = loads.get();
    for (int i = 0; i < 200; i++) {
      store.get("user-" + i);
    }
    assertEquals(true, loads.get() - before > 150, "most users were evicted and re-read");
  }

  @Test
  void updateAll_locksSeveralUsersWithoutDeadlock() throws Exception {
    ProfileStore store = new ProfileStore(new CountingRepository(), 1 << 20, new FakeTicker(), registry);
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      boolean reverse = t % 2 == 1;
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          Map<String, ProfileUpdate> updates = new java.util.TreeMap<>(reverse
              ? java.util.Comparator.<String>reverseOrder() : java.util.Comparator.<String>naturalOrder());
          for (String u : List.of("a", "b", "c")) {
            updates.put(u, (current, seen) -> new ProfileUpdate.Change(
                current.reinforce(1, SignalSource.LIKE, 0.001, T, DecayPolicy.defaults()), List.of()));
          }
          store.updateAll(updates);
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join(30_000);
      assertEquals(false, thread.isAlive());
    }
    assertEquals(0.8, store.get("a").entries().get(0).weight(), 1e-9, "no update lost: 800 x 0.001");
  }
}
