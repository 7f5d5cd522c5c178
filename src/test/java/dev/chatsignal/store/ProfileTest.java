package dev.chatsignal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private final DecayPolicy decay = DecayPolicy.defaults();

  @Test
  void weight_halvesEveryHalfLife_perSource() {
    Profile p = Profile.EMPTY.reinforce(1, SignalSource.CHAT, Apps.DEFAULT, 1.0, T, decay)
        .reinforce(2, SignalSource.FOLLOW, Apps.DEFAULT, 1.0, T, decay);
    Instant later = T.plus(Duration.ofDays(14));
    assertEquals(0.5, decay.weightAt(p.entries().get(0), later), 1e-9);
    assertEquals(Math.pow(0.5, 14.0 / 180), decay.weightAt(p.entries().get(1), later), 1e-9);
  }

  @Test
  void reinforce_isIndependentOfArrivalOrder() {
    Instant t2 = T.plus(Duration.ofDays(3));
    Profile inOrder = Profile.EMPTY.reinforce(1, SignalSource.CHAT, Apps.DEFAULT, 0.4, T, decay)
        .reinforce(1, SignalSource.CHAT, Apps.DEFAULT, 0.6, t2, decay);
    Profile reversed = Profile.EMPTY.reinforce(1, SignalSource.CHAT, Apps.DEFAULT, 0.6, t2, decay)
        .reinforce(1, SignalSource.CHAT, Apps.DEFAULT, 0.4, T, decay);
    assertEquals(decay.weightAt(inOrder.entries().get(0), t2), decay.weightAt(reversed.entries().get(0), t2), 1e-12);
  }

  @Test
  void compact_keepsTheStrongestTopK() {
    Profile p = Profile.EMPTY;
    for (int topic = 1; topic <= 10; topic++) {
      p = p.reinforce(topic, SignalSource.LIKE, Apps.DEFAULT, topic / 10.0, T, decay);
    }
    Profile top3 = p.compact(3, T, decay);
    assertEquals(3, top3.entries().size());
    assertTrue(top3.entries().stream().allMatch(e -> e.topicId() >= 8));
  }

  @Test
  void compact_dropsExpiredSuppressionsAndNegligibleWeights() {
    Profile p = Profile.EMPTY.reinforce(1, SignalSource.WATCH, Apps.DEFAULT, 0.01, T, decay).suppress(2, T.plusSeconds(10));
    Profile later = p.compact(64, T.plus(Duration.ofDays(365)), decay);
    assertTrue(later.isEmpty());
  }

  @Test
  void suppression_endsAtItsTime_andKeepsTheLaterOne() {
    Profile p = Profile.EMPTY.suppress(5, T.plusSeconds(100)).suppress(5, T.plusSeconds(50));
    assertTrue(p.isSuppressed(5, T.plusSeconds(99)));
    assertFalse(p.isSuppressed(5, T.plusSeconds(100)));
  }

  @Test
  void without_removesOnlyTheMatchingEntries() {
    Profile p = Profile.EMPTY.reinforce(1, SignalSource.CHAT, Apps.DEFAULT, 1, T, decay)
        .reinforce(1, SignalSource.LIKE, Apps.DEFAULT, 1, T, decay);
    Profile left = p.without(e -> e.source() == SignalSource.CHAT);
    assertEquals(1, left.entries().size());
    assertEquals(SignalSource.LIKE, left.entries().get(0).source());
  }

  @Test
  void codec_roundTripsAndRejectsForeignBytes() {
    Profile p = Profile.EMPTY.reinforce(472, SignalSource.CHAT, Apps.DEFAULT, 0.8, T, decay).suppress(9, T);
    assertEquals(p, ProfileCodec.decode(ProfileCodec.encode(p)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ProfileCodec.decode(new byte[] {9, 0, 0}));
  }

  @Test
  void codec_keepsApps_andReadsRecordsWrittenBeforeApps_asTheDefaultApp() throws Exception {
    Profile p = Profile.EMPTY.reinforce(472, SignalSource.CHAT, "messenger", 0.8, T, decay)
        .reinforce(472, SignalSource.CHAT, Apps.DEFAULT, 0.4, T, decay);
    assertEquals(p, ProfileCodec.decode(ProfileCodec.encode(p)));

    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream v1 = new java.io.DataOutputStream(bytes)) {
      v1.writeByte(1);
      v1.writeShort(1);
      v1.writeInt(472);
      v1.writeByte(SignalSource.LIKE.code());
      v1.writeDouble(0.7);
      v1.writeLong(T.toEpochMilli());
      v1.writeShort(0);
    }
    assertEquals(List.of(new ProfileEntry(472, SignalSource.LIKE, Apps.DEFAULT, 0.7, T.toEpochMilli())),
        ProfileCodec.decode(bytes.toByteArray()).entries());
  }
}
