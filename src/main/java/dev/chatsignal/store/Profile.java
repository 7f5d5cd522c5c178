package dev.chatsignal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A user's interest profile: topic weights by source and app, plus suppressed topics (which hold in
 * every app). Immutable; every
 * change returns a new profile, so a cached instance can be read by many threads at once.
 *
 * <p>Weights are stored as of their last update and decayed on read ({@link DecayPolicy}); the
 * profile is kept to the strongest {@code maxTopics} topics at every write.
 */
public final class Profile {
  public static final Profile EMPTY = new Profile(List.of(), Map.of());
  /** Entries whose decayed weight falls below this are dropped at the next write. */
  static final double NEGLIGIBLE = 1e-3;

  private final List<ProfileEntry> entries;
  private final Map<Integer, Long> suppressedUntilMillis;

  public Profile(List<ProfileEntry> entries, Map<Integer, Long> suppressedUntilMillis) {
    this.entries = List.copyOf(entries);
    this.suppressedUntilMillis = Map.copyOf(suppressedUntilMillis);
  }

  public List<ProfileEntry> entries() {
    return entries;
  }

  /** Topic id to the epoch millisecond its suppression ends (possibly already past). */
  public Map<Integer, Long> suppressedUntilMillis() {
    return suppressedUntilMillis;
  }

  public boolean isEmpty() {
    return entries.isEmpty() && suppressedUntilMillis.isEmpty();
  }

  /** True when the topic is suppressed at {@code now}. */
  public boolean isSuppressed(int topicId, Instant now) {
    Long until = suppressedUntilMillis.get(topicId);
    return until != null && until > now.toEpochMilli();
  }

  /**
   * Adds {@code amount} to the (topic, source, app) weight as of {@code at}. Out-of-order events are
   * decayed to the entry's own time, so the result does not depend on arrival order.
   */
  public Profile reinforce(
      int topicId, SignalSource source, String app, double amount, Instant at, DecayPolicy decay) {
    long atMillis = at.toEpochMilli();
    List<ProfileEntry> next = new ArrayList<>(entries.size() + 1);
    boolean merged = false;
    for (ProfileEntry e : entries) {
      if (e.topicId() == topicId && e.source() == source && e.app().equals(app)) {
        long time = Math.max(atMillis, e.updatedAtMillis());
        double weight = decay.decay(e.weight(), source, time - e.updatedAtMillis())
            + decay.decay(amount, source, time - atMillis);
        next.add(new ProfileEntry(topicId, source, app, weight, time));
        merged = true;
      } else {
        next.add(e);
      }
    }
    if (!merged) {
      next.add(new ProfileEntry(topicId, source, app, amount, atMillis));
    }
    return new Profile(next, suppressedUntilMillis);
  }

  /** Suppresses the topic until {@code until}, keeping a later suppression if one exists. */
  public Profile suppress(int topicId, Instant until) {
    Map<Integer, Long> next = new HashMap<>(suppressedUntilMillis);
    next.merge(topicId, until.toEpochMilli(), Math::max);
    return new Profile(entries, next);
  }

  /** This profile without the entries that {@code doomed} accepts; suppressions stay. */
  public Profile without(Predicate<ProfileEntry> doomed) {
    List<ProfileEntry> next = new ArrayList<>(entries.size());
    for (ProfileEntry e : entries) {
      if (!doomed.test(e)) {
        next.add(e);
      }
    }
    return new Profile(next, suppressedUntilMillis);
  }

  /**
   * Drops expired suppressions, negligible entries, and every topic beyond the strongest
   * {@code maxTopics} (by decayed weight summed over sources and apps, at {@code now}).
   */
  public Profile compact(int maxTopics, Instant now, DecayPolicy decay) {
    double[] weights = new double[entries.size()];
    Map<Integer, Double> totals = new TreeMap<>();
    for (int i = 0; i < weights.length; i++) {
      weights[i] = decay.weightAt(entries.get(i), now);
      totals.merge(entries.get(i).topicId(), weights[i], Double::sum);
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(totals.entrySet());
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()));
    Map<Integer, Boolean> keep = new HashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      keep.put(ranked.get(i).getKey(), i < maxTopics && ranked.get(i).getValue() >= NEGLIGIBLE);
    }
    List<ProfileEntry> kept = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      if (keep.get(entries.get(i).topicId()) && weights[i] >= NEGLIGIBLE / 10) {
        kept.add(entries.get(i));
      }
    }
    Map<Integer, Long> suppressions = new HashMap<>();
    long nowMillis = now.toEpochMilli();
    suppressedUntilMillis.forEach((topic, until) -> {
      if (until > nowMillis) {
        suppressions.put(topic, until);
      }
    });
    return new Profile(kept, suppressions);
  }

  /** Approximate heap footprint in bytes, for the cache weigher. */
  public int estimatedBytes() {
    return 64 + entries.size() * 56 + suppressedUntilMillis.size() * 64;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Profile p
        && p.entries.equals(entries)
        && p.suppressedUntilMillis.equals(suppressedUntilMillis);
  }

  @Override
  public int hashCode() {
    return entries.hashCode() * 31 + suppressedUntilMillis.hashCode();
  }

  @Override
  public String toString() {
    return "Profile{entries=" + entries.size() + ", suppressed=" + suppressedUntilMillis.size() + "}";
  }
}
