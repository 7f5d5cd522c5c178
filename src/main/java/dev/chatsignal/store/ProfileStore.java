package dev.chatsignal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interest profiles: a Caffeine cache (bounded by estimated bytes, statistics on) in front of a
 * {@link ProfileRepository}.
 *
 * <p>Writes go to the repository first and then invalidate the user's cache entry, so the cache never
 * holds a profile older than this replica's own writes. Other replicas' writes arrive through
 * {@link #invalidateRemote} (Redis pub/sub); a lost invalidation is bounded by the optional
 * time-to-live. Users without a profile are cached as {@link Profile#EMPTY}, so repeated misses do
 * not reach the store.
 */
public final class ProfileStore implements AutoCloseable {
  private final ProfileRepository repository;
  private final Cache<String, Profile> cache;
  private final Counter storeReads;
  private final Counter remoteInvalidations;
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();

  /**
   * @param maxCacheBytes upper bound of the cache's estimated size in bytes
   * @param ttl how long a cached profile may be served without re-reading the store; zero = no limit
   *     (right for a store only this process writes)
   * @param ticker the cache's time source (tests pass a fake one)
   */
  public ProfileStore(ProfileRepository repository, long maxCacheBytes, Duration ttl, Ticker ticker,
      MeterRegistry registry) {
    this.repository = repository;
    Caffeine<String, Profile> builder = Caffeine.newBuilder()
        .maximumWeight(maxCacheBytes)
        .weigher((String user, Profile profile) -> 40 + 2 * user.length() + profile.estimatedBytes())
        .ticker(ticker)
        .recordStats();
    if (!ttl.isZero()) {
      builder.expireAfterWrite(ttl);
    }
    this.cache = builder.build();
    CaffeineCacheMetrics.monitor(registry, cache, "profiles");
    this.storeReads = Counter.builder("chatsignal.store.reads")
        .description("Profile reads that missed the cache and went to the store").register(registry);
    this.remoteInvalidations = Counter.builder("chatsignal.store.invalidations")
        .description("Cache entries dropped because another replica changed the profile").register(registry);
    repository.subscribeInvalidations(this::invalidateRemote);
    for (String operation : List.of("read", "write", "erase")) {
      errors.put(operation, Counter.builder("chatsignal.store.errors")
          .description("Store operations that failed (nothing was acknowledged)")
          .tag("operation", operation).register(registry));
    }
  }

  /** The same store with an unlimited cache lifetime (single-process stores). */
  public ProfileStore(ProfileRepository repository, long maxCacheBytes, Ticker ticker, MeterRegistry registry) {
    this(repository, maxCacheBytes, Duration.ZERO, ticker, registry);
  }

  /**
   * The user's profile, {@link Profile#EMPTY} when none. Reads the store only on a cache miss.
   *
   * @throws StoreException when the store cannot be read
   */
  public Profile get(String userId) {
    return cache.get(userId, this::loadFromRepository);
  }

  private Profile loadFromRepository(String userId) {
    storeReads.increment();
    try {
      return repository.load(userId).orElse(Profile.EMPTY);
    } catch (StoreException e) {
      errors.get("read").increment();
      throw e;
    }
  }

  /**
   * Applies a batch of users' ops (see {@link ProfileRepository#apply}); durable when it returns.
   *
   * @return per user and op: applied (true) or a duplicate (false)
   */
  public List<List<Boolean>> apply(List<UserOps> batch, Instant now) {
    try {
      return repository.apply(batch, now);
    } catch (StoreException e) {
      errors.get("write").increment();
      throw e;
    } finally {
      batch.forEach(user -> cache.invalidate(user.userId()));
    }
  }

  /** Applies one op without an interaction id, e.g. an operator's suppression. */
  public void apply(String userId, ProfileOp op, Instant now) {
    apply(List.of(new UserOps(userId, List.of(op))), now);
  }

  /**
   * Erases the user's profile (all of it, or its chat-derived part; in every app or in one) from the
   * store and this cache before it returns; other replicas drop theirs on the invalidation message.
   *
   * @param app only this app's entries, or empty for every app
   */
  public Erasure erase(String userId, ErasureScope scope, Optional<String> app) {
    try {
      return repository.erase(userId, scope, app);
    } catch (StoreException e) {
      errors.get("erase").increment();
      throw e;
    } finally {
      cache.invalidate(userId);
    }
  }

  /** Another replica changed this user's profile: drop the cached copy. */
  public void invalidateRemote(String userId) {
    remoteInvalidations.increment();
    cache.invalidate(userId);
  }

  /** True when the store answers now. */
  public boolean isAvailable() {
    return repository.ping();
  }

  /** Runs the cache's pending maintenance (evictions) now instead of asynchronously; for tests. */
  void cleanUp() {
    cache.cleanUp();
  }

  public String describe() {
    return repository.describe();
  }

  @Override
  public void close() {
    repository.close();
  }
}
