package dev.chatsignal.store;

import java.util.List;

/**
 * One interaction's effect on a profile: weights to add and topics to suppress. An op with an
 * interaction id is applied at most once per (user, id), on every replica; an op without one (an
 * operator's SuppressTopic) is always applied. Ops commute: their result does not depend on the
 * order in which replicas apply them.
 *
 * @param interactionId idempotency key, or null
 */
public record ProfileOp(String interactionId, List<Reinforcement> reinforcements, List<Suppression> suppressions) {
  public ProfileOp {
    reinforcements = List.copyOf(reinforcements);
    suppressions = List.copyOf(suppressions);
  }

  /** Adds {@code amount} to (topic, source, app) as of {@code atMillis}. */
  public record Reinforcement(int topicId, SignalSource source, String app, double amount, long atMillis) {
    public Reinforcement {
      Apps.requireValid(app);
    }

    /** A reinforcement in the default app. */
    public Reinforcement(int topicId, SignalSource source, double amount, long atMillis) {
      this(topicId, source, Apps.DEFAULT, amount, atMillis);
    }
  }

  /** Suppresses a topic until {@code untilMillis} (a later existing suppression wins). */
  public record Suppression(int topicId, long untilMillis) {}

  /** Applies this op to a profile in memory (the local stores' implementation of the op). */
  public Profile applyTo(Profile profile, DecayPolicy decay) {
    Profile next = profile;
    for (Reinforcement r : reinforcements) {
      next = next.reinforce(r.topicId(), r.source(), r.app(), r.amount(), java.time.Instant.ofEpochMilli(r.atMillis()), decay);
    }
    for (Suppression s : suppressions) {
      next = next.suppress(s.topicId(), java.time.Instant.ofEpochMilli(s.untilMillis()));
    }
    return next;
  }
}
