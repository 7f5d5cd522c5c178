package dev.chatsignal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.FakeTicker;
import dev.chatsignal.testing.FlakyStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileStoreTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private final FlakyStore local = new FlakyStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FakeTicker ticker = new FakeTicker();

  private ProfileStore store(long maxBytes, Duration ttl) {
    return new ProfileStore(new LocalProfileRepository(local, DecayPolicy.defaults(), 64), maxBytes, ttl, ticker,
        registry);
  }

  private static ProfileOp hiking(String id) {
    return new ProfileOp(id, List.of(new ProfileOp.Reinforcement(472, SignalSource.CHAT, 0.5, T.toEpochMilli())),
        List.of());
  }

  @Test
  void repeatedReads_hitTheCache_evenForUsersWithoutProfile() {
    ProfileStore store = store(1 << 20, Duration.ZERO);
    store.get("nobody");
    store.get("nobody");
    assertEquals(1, local.loads.get());
    assertEquals(1.0, registry.get("chatsignal.store.reads").counter().count());
  }

  @Test
  void apply_writesThroughAndTheNextReadSeesIt() {
    ProfileStore store = store(1 << 20, Duration.ZERO);
    store.get("u1");
    List<List<Boolean>> applied = store.apply(List.of(new UserOps("u1", List.of(hiking("i1"), hiking("i1")))), T);
    assertEquals(List.of(List.of(true, false)), applied);
    assertTrue(local.memory.seen("u1", "i1"));
    assertEquals(0.5, store.get("u1").entries().get(0).weight(), 1e-9);
  }

  @Test
  void failedWrite_isCountedAndAcknowledgesNothing() {
    ProfileStore store = store(1 << 20, Duration.ZERO);
    local.failing = true;
    assertThrows(StoreException.class, () -> store.apply(List.of(new UserOps("u1", List.of(hiking("i1")))), T));
    assertEquals(1.0, registry.get("chatsignal.store.errors").tag("operation", "write").counter().count());
    local.failing = false;
    assertSame(Profile.EMPTY, store.get("u1"));
    assertEquals(List.of(List.of(true)), store.apply(List.of(new UserOps("u1", List.of(hiking("i1")))), T));
  }

  @Test
  void erase_removesFromCacheAndStore() {
    ProfileStore store = store(1 << 20, Duration.ZERO);
    store.apply(List.of(new UserOps("u1", List.of(hiking("i1")))), T);
    store.get("u1");
    assertEquals(new Erasure(1, true), store.erase("u1", ErasureScope.ALL, java.util.Optional.empty()));
    assertTrue(local.memory.load("u1").isEmpty());
    assertSame(Profile.EMPTY, store.get("u1"));
  }

  @Test
  void remoteInvalidation_dropsTheCachedCopy() {
    ProfileStore store = store(1 << 20, Duration.ZERO);
    store.get("u1");
    local.memory.commit(List.of(new UserWrite("u1", hiking("x").applyTo(Profile.EMPTY, DecayPolicy.defaults()),
        List.of())));
    assertSame(Profile.EMPTY, store.get("u1"), "another writer is invisible until invalidated");
    store.invalidateRemote("u1");
    assertEquals(1, store.get("u1").entries().size());
  }

  @Test
  void ttl_boundsHowLongAStaleCopyIsServed() {
    ProfileStore store = store(1 << 20, Duration.ofSeconds(2));
    store.get("u1");
    local.memory.commit(List.of(new UserWrite("u1", hiking("x").applyTo(Profile.EMPTY, DecayPolicy.defaults()),
        List.of())));
    ticker.advance(Duration.ofMillis(1999));
    assertSame(Profile.EMPTY, store.get("u1"));
    ticker.advance(Duration.ofMillis(2));
    assertEquals(1, store.get("u1").entries().size());
  }

  @Test
  void cache_isBoundedByWeight() {
    ProfileStore store = store(2_000, Duration.ZERO);
    for (int i = 0; i < 200; i++) {
      store.apply(List.of(new UserOps("user-" + i, List.of(hiking("i")))), T);
      store.get("user-" + i);
    }
    store.cleanUp();
    int before = local.loads.get();
    for (int i = 0; i < 200; i++) {
      store.get("user-" + i);
    }
    assertTrue(local.loads.get() - before > 150, "most users were evicted and re-read");
  }

  @Test
  void concurrentBatches_overlappingUsers_loseNoUpdate() throws Exception {
    ProfileStore store = store(1 << 20, Duration.ZERO);
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      List<String> users = t % 2 == 0 ? List.of("a", "b", "c") : List.of("c", "b", "a");
      int thread = t;
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          int n = i;
          store.apply(users.stream().map(u -> new UserOps(u, List.of(new ProfileOp(thread + "-" + n,
              List.of(new ProfileOp.Reinforcement(1, SignalSource.LIKE, 0.001, T.toEpochMilli())), List.of()))))
              .toList(), T);
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
