package dev.chatsignal.hardening;

import dev.chatsignal.testing.Protos;
import java.util.List;

/**
 * The users of the crash test, each liking items of one topic of their own, so that a user's LIKE
 * weight on that topic counts that user's stored likes: each adds weight 1 × 0.5 (the LIKE source
 * weight) as of one shared event time.
 */
final class CrashUsers {
  private static final List<Integer> TOPICS = List.of(Protos.HIKING, Protos.BOOTS, Protos.BACKPACKS,
      Protos.SPORTING_GOODS, Protos.OUTDOOR_FURNITURE, Protos.LAPTOPS);

  int count() {
    return TOPICS.size();
  }

  String id(int user) {
    return "crash-user-" + user;
  }

  int topic(int user) {
    return TOPICS.get(user);
  }

  int indexOf(String userId) {
    return Integer.parseInt(userId.substring("crash-user-".length()));
  }
}
