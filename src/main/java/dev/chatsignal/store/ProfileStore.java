package dev.chatsignal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Interest profiles: a Caffeine cache (bounded by estimated bytes, statistics on) in front of a
 * durable {@link ProfileRepository}.
 *
 * <p>Writes for one user are serialized by a striped lock and go to the repository before the cache,
 * so a cached profile is never newer than the durable one. A batch touching several users takes
 * their stripes in ascending order (no deadlock) and commits them in one atomic write. Users without a
 * profile are cached as {@link Profile#EMPTY}, so repeated misses do not reach the store.
 */
public final class ProfileStore implements AutoCloseable {
  private static final int STRIPES = 1024;

  private final ProfileRepository repository;
  private final Cache<String, Profile> cache;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  private final Counter storeReads;

  /**
   * @param maxCacheBytes upper bound of the cache's estimated size in bytes
   * @param ticker the cache's time source (tests pass a fake one)
   */
  public ProfileStore(ProfileRepository repository, long maxCacheBytes, Ticker ticker, MeterRegistry registry) {
    this.repository = repository;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxCacheBytes)
        .weigher((String user, Profile profile) -> 40 + 2 * user.length() + profile.estimatedBytes())
        .ticker(ticker)
        .recordStats()
        .build();
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
    CaffeineCacheMetrics.monitor(registry, cache, "profiles");
    this.storeReads = Counter.builder("chatsignal.store.reads")
        .description("Profile reads that missed the cache and went to the durable store")
        .register(registry);
  }

  /** The user's profile, {@link Profile#EMPTY} when none. Reads the store only on a cache miss. */
  public Profile get(String userId) {
    return cache.get(userId, this::loadFromRepository);
  }

  private Profile loadFromRepository(String userId) {
    storeReads.increment();
    return repository.load(userId).orElse(Profile.EMPTY);
  }

  /** Applies one user's update atomically and durably. */
  public ProfileUpdate.Change update(String userId, ProfileUpdate update) {
    return updateAll(Map.of(userId, update)).get(userId);
  }

  /**
   * Applies several users' updates in one atomic, durable write; returns each user's change. If the
   * store fails nothing is written and the cache is unchanged.
   */
  public Map<String, ProfileUpdate.Change> updateAll(Map<String, ProfileUpdate> updates) {
    TreeMap<Integer, ReentrantLock> stripes = new TreeMap<>();
    for (String userId : updates.keySet()) {
      int stripe = Math.floorMod(userId.hashCode(), STRIPES);
      stripes.put(stripe, locks[stripe]);
    }
    stripes.values().forEach(ReentrantLock::lock);
    try {
      Map<String, ProfileUpdate.Change> changes = new TreeMap<>();
      List<UserWrite> writes = new ArrayList<>();
      for (Map.Entry<String, ProfileUpdate> e : updates.entrySet()) {
        String userId = e.getKey();
        Profile current = get(userId);
        ProfileUpdate.Change change = e.getValue().apply(current, id -> repository.seen(userId, id));
        changes.put(userId, change);
        if (!change.next().equals(current) || !change.newInteractionIds().isEmpty()) {
          writes.add(new UserWrite(userId, change.next(), change.newInteractionIds()));
        }
      }
      if (!writes.isEmpty()) {
        repository.commit(writes);
        for (UserWrite write : writes) {
          cache.put(write.userId(), write.profile());
        }
      }
      return changes;
    } finally {
      stripes.descendingMap().values().forEach(ReentrantLock::unlock);
    }
  }

  /**
   * Erases the user's profile (all of it, or its chat-derived part) from the store and the cache
   * before it returns. Interaction ids stay remembered, so a retried interaction cannot restore
   * erased data.
   */
  public Erasure erase(String userId, ErasureScope scope) {
    int[] removed = new int[1];
    ProfileUpdate.Change change = update(userId, (current, seen) -> {
      Profile next = scope == ErasureScope.ALL ? Profile.EMPTY : current.withoutSource(SignalSource.CHAT);
      removed[0] = current.entries().size() - next.entries().size();
      return new ProfileUpdate.Change(next, java.util.List.of());
    });
    return new Erasure(removed[0], change.next().isEmpty());
  }

  /** Drops a user's cached profile so the next read goes to the store. */
  public void invalidate(String userId) {
    cache.invalidate(userId);
  }

  /** Cache statistics snapshot: hit rate etc. */
  public com.github.benmanes.caffeine.cache.stats.CacheStats cacheStats() {
    return cache.stats();
  }

  public String describe() {
    return repository.describe();
  }

  @Override
  public void close() {
    repository.close();
  }
}
