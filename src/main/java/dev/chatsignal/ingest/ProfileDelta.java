package dev.chatsignal.ingest;

import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.SensitiveCategory;
import java.time.Instant;
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

  Profile applyTo(Profile profile, DecayPolicy decay) {
    Profile next = profile;
    for (Addition a : additions) {
      next = next.reinforce(a.topicId(), a.source(), a.amount(), at, decay);
    }
    for (int topic : suppressions) {
      next = next.suppress(topic, suppressUntil);
    }
    return next;
  }
}
