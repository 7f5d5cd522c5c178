package dev.chatsignal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link LocalStore} passes; subclasses provide the store. */
abstract class LocalStoreContract {
  static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  protected LocalStore repository;

  abstract LocalStore open();

  @AfterEach
  void closeRepository() {
    if (repository != null) {
      repository.close();
    }
  }

  static Profile hiking(double weight) {
    return Profile.EMPTY.reinforce(472, SignalSource.CHAT, Apps.DEFAULT, weight, T, DecayPolicy.defaults());
  }

  @Test
  void unknownUser_hasNoProfile() {
    repository = open();
    assertTrue(repository.load("nobody").isEmpty());
    assertFalse(repository.seen("nobody", "i1"));
  }

  @Test
  void commit_storesProfileAndInteractionIds() {
    repository = open();
    repository.commit(List.of(new UserWrite("u1", hiking(0.8), List.of("i1", "i2"))));
    assertEquals(hiking(0.8), repository.load("u1").orElseThrow());
    assertTrue(repository.seen("u1", "i1"));
    assertTrue(repository.seen("u1", "i2"));
    assertFalse(repository.seen("u2", "i1"), "ids are per user");
  }

  @Test
  void commit_ofSeveralUsers_isAllVisible() {
    repository = open();
    repository.commit(List.of(new UserWrite("a", hiking(0.1), List.of("x")),
        new UserWrite("b", hiking(0.2), List.of("y"))));
    assertEquals(hiking(0.1), repository.load("a").orElseThrow());
    assertEquals(hiking(0.2), repository.load("b").orElseThrow());
  }

  @Test
  void emptyProfile_deletesTheRecord_butKeepsInteractionIds() {
    repository = open();
    repository.commit(List.of(new UserWrite("u1", hiking(0.8), List.of("i1"))));
    repository.commit(List.of(new UserWrite("u1", Profile.EMPTY, List.of())));
    assertTrue(repository.load("u1").isEmpty());
    assertTrue(repository.seen("u1", "i1"));
  }

  @Test
  void suppressionsAndSources_roundTrip() {
    repository = open();
    Profile p = hiking(0.5).reinforce(611, SignalSource.FOLLOW, Apps.DEFAULT, 0.3, T, DecayPolicy.defaults())
        .suppress(247, T.plusSeconds(60));
    repository.commit(List.of(new UserWrite("u1", p, List.of())));
    Profile back = repository.load("u1").orElseThrow();
    assertEquals(p, back);
    assertEquals(Map.of(247, T.plusSeconds(60).toEpochMilli()), back.suppressedUntilMillis());
  }

  @Test
  void userIdsWithSharedPrefixes_doNotCollide() {
    repository = open();
    repository.commit(List.of(new UserWrite("ab", hiking(0.1), List.of("c")),
        new UserWrite("a", hiking(0.2), List.of("bc"))));
    assertEquals(hiking(0.1), repository.load("ab").orElseThrow());
    assertEquals(hiking(0.2), repository.load("a").orElseThrow());
    assertFalse(repository.seen("a", "c"));
    assertFalse(repository.seen("ab", "bc"));
  }
}
