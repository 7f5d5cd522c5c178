package dev.chatsignal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Exponential decay of profile weights with a half-life per source: chats fade faster than follows.
 * A weight w stored at time t is worth {@code w * 2^-((now - t) / halfLife)} at {@code now}; weights
 * never grow for a {@code now} before t. Immutable and thread-safe.
 */
public final class DecayPolicy {
  private final Map<SignalSource, Duration> halfLives;

  public DecayPolicy(Map<SignalSource, Duration> halfLives) {
    EnumMap<SignalSource, Duration> copy = new EnumMap<>(SignalSource.class);
    for (SignalSource source : SignalSource.values()) {
      Duration halfLife = halfLives.get(source);
      if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException(
            "halfLife[" + source + "]: " + halfLife + " (expected: a positive duration)");
      }
      copy.put(source, halfLife);
    }
    this.halfLives = copy;
  }

  /** Chat 14 d, watch 7 d, like/share/comment 30 d, follow/join-group 180 d. */
  public static DecayPolicy defaults() {
    Map<SignalSource, Duration> map = new EnumMap<>(SignalSource.class);
    map.put(SignalSource.CHAT, Duration.ofDays(14));
    map.put(SignalSource.WATCH, Duration.ofDays(7));
    map.put(SignalSource.LIKE, Duration.ofDays(30));
    map.put(SignalSource.SHARE, Duration.ofDays(30));
    map.put(SignalSource.COMMENT, Duration.ofDays(30));
    map.put(SignalSource.FOLLOW, Duration.ofDays(180));
    map.put(SignalSource.JOIN_GROUP, Duration.ofDays(180));
    return new DecayPolicy(map);
  }

  public Duration halfLife(SignalSource source) {
    return halfLives.get(source);
  }

  /** The entry's weight at {@code now}. */
  public double weightAt(ProfileEntry entry, Instant now) {
    return decay(entry.weight(), entry.source(), now.toEpochMilli() - entry.updatedAtMillis());
  }

  /** {@code weight} after {@code elapsedMillis} of decay at the source's rate (no growth below 0). */
  public double decay(double weight, SignalSource source, long elapsedMillis) {
    if (elapsedMillis <= 0) {
      return weight;
    }
    double halfLives = (double) elapsedMillis / this.halfLives.get(source).toMillis();
    return weight * Math.pow(0.5, halfLives);
  }
}
