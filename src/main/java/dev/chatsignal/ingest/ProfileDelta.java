package dev.chatsignal.ingest;

import dev.chatsignal.store.ProfileOp;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.SensitiveCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one interaction would change in a profile: weights to add or topics to suppress, or, when
 * the content is sensitive, nothing but the categories found.
 */
record ProfileDelta(
    List<Addition> additions, List<Integer> suppressions, Instant at, Instant suppressUntil,
    Set<SensitiveCategory> sensitive) {

  /** A weight to add to one (topic, source). */
  record Addition(int topicId, SignalSource source, double amount) {}

  static ProfileDelta sensitive(Set<SensitiveCategory> categories) {
    return new ProfileDelta(List.of(), List.of(), null, null, Set.copyOf(categories));
  }

  boolean isSensitive() {
    return !sensitive.isEmpty();
  }

  /** The store op for this delta, applied at most once for {@code interactionId}. */
  ProfileOp toOp(String interactionId) {
    List<ProfileOp.Reinforcement> reinforcements = new ArrayList<>(additions.size());
    for (Addition a : additions) {
      reinforcements.add(new ProfileOp.Reinforcement(a.topicId(), a.source(), a.amount(), at.toEpochMilli()));
    }
    List<ProfileOp.Suppression> suppressed = new ArrayList<>(suppressions.size());
    for (int topic : suppressions) {
      suppressed.add(new ProfileOp.Suppression(topic, suppressUntil.toEpochMilli()));
    }
    return new ProfileOp(interactionId, reinforcements, suppressed);
  }
}
