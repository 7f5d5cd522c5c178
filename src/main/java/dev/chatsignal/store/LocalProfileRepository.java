package dev.chatsignal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ProfileRepository} over a single-process {@link LocalStore} (RocksDB or memory): ops are
 * applied in Java under a striped per-user lock, and a whole batch is one atomic {@link LocalStore#commit}.
 * Correct only while one process owns the store, which RocksDB's directory lock guarantees.
 */
public final class LocalProfileRepository implements ProfileRepository {
  private static final int STRIPES = 1024;

  private final LocalStore store;
  private final DecayPolicy decay;
  private final int maxTopics;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public LocalProfileRepository(LocalStore store, DecayPolicy decay, int maxTopics) {
    this.store = store;
    this.decay = decay;
    this.maxTopics = maxTopics;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  @Override
  public Optional<Profile> load(String userId) {
    return store.load(userId);
  }

  @Override
  public List<List<Boolean>> apply(List<UserOps> batch, Instant now) {
    List<String> users = batch.stream().map(UserOps::userId).toList();
    List<ReentrantLock> held = lock(users);
    try {
      List<List<Boolean>> results = new ArrayList<>(batch.size());
      List<UserWrite> writes = new ArrayList<>(batch.size());
      for (UserOps user : batch) {
        Profile current = store.load(user.userId()).orElse(Profile.EMPTY);
        Profile next = current;
        Set<String> batchIds = new HashSet<>();
        List<String> applied = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>(user.ops().size());
        for (ProfileOp op : user.ops()) {
          String id = op.interactionId();
          if (id != null && (!batchIds.add(id) || store.seen(user.userId(), id))) {
            flags.add(false);
            continue;
          }
          next = op.applyTo(next, decay);
          if (id != null) {
            applied.add(id);
          }
          flags.add(true);
        }
        next = next.compact(maxTopics, now, decay);
        results.add(flags);
        if (!next.equals(current) || !applied.isEmpty()) {
          writes.add(new UserWrite(user.userId(), next, applied));
        }
      }
      if (!writes.isEmpty()) {
        store.commit(writes);
      }
      return results;
    } finally {
      unlock(held);
    }
  }

  @Override
  public Erasure erase(String userId, ErasureScope scope, Optional<String> app) {
    List<ReentrantLock> held = lock(List.of(userId));
    try {
      Profile current = store.load(userId).orElse(Profile.EMPTY);
      Profile next = scope == ErasureScope.ALL && app.isEmpty() ? Profile.EMPTY
          : current.without(e -> scope.covers(e, app));
      if (!next.equals(current)) {
        store.commitSynced(List.of(new UserWrite(userId, next, List.of())));
      }
      return new Erasure(current.entries().size() - next.entries().size(), next.isEmpty());
    } finally {
      unlock(held);
    }
  }

  /** Takes the users' stripes in ascending order, so that concurrent batches cannot deadlock. */
  private List<ReentrantLock> lock(List<String> users) {
    TreeMap<Integer, ReentrantLock> stripes = new TreeMap<>();
    for (String user : users) {
      int stripe = Math.floorMod(user.hashCode(), STRIPES);
      stripes.put(stripe, locks[stripe]);
    }
    List<ReentrantLock> held = new ArrayList<>(stripes.values());
    held.forEach(ReentrantLock::lock);
    return held;
  }

  private static void unlock(List<ReentrantLock> held) {
    for (int i = held.size() - 1; i >= 0; i--) {
      held.get(i).unlock();
    }
  }

  @Override
  public boolean ping() {
    return true;
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public void close() {
    store.close();
  }
}
