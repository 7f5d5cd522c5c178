package dev.chatsignal.scoring;

import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Privacy noise for ads, after the Topics API's 5 %: with probability {@code p}, a user's top ad topic
 * is replaced for a week by a topic drawn from the non-sensitive ones, so that an ad's targeting does
 * not reliably reveal the user's strongest interest. The draw is a keyed hash (HMAC-SHA256) of the user
 * and the week, not a fresh random number: every call, on every replica holding the same key, gives
 * the same answer for the whole week. Off by default. Thread-safe.
 */
public final class AdNoise {
  private static final AdNoise OFF = new AdNoise(0, null, new int[0]);
  private static final String MAC = "HmacSHA256";

  private final double probability;
  private final SecretKeySpec key;
  private final int[] eligible;
  private final ThreadLocal<Mac> macs;

  private AdNoise(double probability, SecretKeySpec key, int[] eligible) {
    this.probability = probability;
    this.key = key;
    this.eligible = eligible;
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public static AdNoise off() {
    return OFF;
  }

  /**
   * @param probability in [0, 1]; 0 turns noise off
   * @param key the secret the draws are keyed with, the same on every replica (at least 16 bytes)
   * @throws IllegalArgumentException when the probability or the key breaks its rule
   */
  public static AdNoise of(double probability, byte[] key, Taxonomy taxonomy) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("ad noise probability: " + probability + " (expected: 0..1)");
    }
    if (probability == 0) {
      return OFF;
    }
    if (key.length < 16) {
      throw new IllegalArgumentException("ad noise key: " + key.length + " bytes (expected: at least 16)");
    }
    int[] eligible = taxonomy.all().stream()
        .filter(t -> !t.adsSensitive() && taxonomy.sensitiveCategoryOf(t.id()).isEmpty())
        .mapToInt(Topic::id).toArray();
    return new AdNoise(probability, new SecretKeySpec(key, MAC), eligible);
  }

  public boolean isOn() {
    return probability > 0;
  }

  /** The week number of {@code now}: whole weeks since the epoch, starting on Mondays (UTC). */
  static long week(Instant now) {
    return Math.floorDiv(ChronoUnit.DAYS.between(Instant.EPOCH, now) + 3, 7);
  }

  /** The topic replacing the user's top ad topic this week, or 0 when this user-week gets no noise. */
  public int topicFor(String userId, Instant now) {
    if (probability == 0) {
      return 0;
    }
    Mac mac = macs.get();
    mac.update(ByteBuffer.allocate(Long.BYTES).putLong(week(now)).array());
    ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
    double draw = (digest.getLong() >>> 11) * 0x1.0p-53;
    if (draw >= probability) {
      return 0;
    }
    return eligible[(int) Math.floorMod(digest.getLong(), (long) eligible.length)];
  }

  private Mac newMac() {
    if (key == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
