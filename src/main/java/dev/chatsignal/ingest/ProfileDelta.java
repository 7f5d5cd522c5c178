package dev.chatsignal.ingest;

import dev.chatsignal.store.ProfileOp;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.SensitiveCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one interaction would change in a profile: weights to add or topics to suppress, and every
 * sensitive category its content revealed (the policy decides which of them withhold it).
 */
record ProfileDelta(
    List<Addition> additions, List<Integer> suppressions, Instant at, Instant suppressUntil,
    Set<SensitiveCategory> revealed) {

  /** A weight to add to one (topic, source). */
  record Addition(int topicId, SignalSource source, double amount) {}

  ProfileDelta {
    revealed = Set.copyOf(revealed);
  }

  /** The store op for this delta in {@code app}, applied at most once for {@code interactionId}. */
  ProfileOp toOp(String interactionId, String app) {
    List<ProfileOp.Reinforcement> reinforcements = new ArrayList<>(additions.size());
    for (Addition a : additions) {
      reinforcements.add(new ProfileOp.Reinforcement(a.topicId(), a.source(), app, a.amount(), at.toEpochMilli()));
    }
    List<ProfileOp.Suppression> suppressed = new ArrayList<>(suppressions.size());
    for (int topic : suppressions) {
      suppressed.add(new ProfileOp.Suppression(topic, suppressUntil.toEpochMilli()));
    }
    return new ProfileOp(interactionId, reinforcements, suppressed);
  }
}
