package dev.chatsignal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.topics.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdNoiseTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final byte[] KEY = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
  private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void offByDefault_andAtProbabilityZero() {
    assertFalse(AdNoise.off().isOn());
    assertEquals(0, AdNoise.off().topicFor("u", MONDAY));
    assertFalse(AdNoise.of(0, new byte[0], TAXONOMY).isOn(), "no key is needed when off");
  }

  @Test
  void theDraw_isStickyPerUserAndWeek_andChangesWithTheWeekOrTheKey() {
    AdNoise noise = AdNoise.of(1, KEY, TAXONOMY);
    int topic = noise.topicFor("u", MONDAY);
    assertTrue(topic > 0);
    assertEquals(topic, noise.topicFor("u", MONDAY.plus(Duration.ofDays(6)).plusSeconds(86_399)),
        "the same all week, Monday to Sunday");
    assertEquals(topic, AdNoise.of(1, KEY, TAXONOMY).topicFor("u", MONDAY), "another replica with the key agrees");
    Set<Integer> weeks = new HashSet<>();
    for (int w = 0; w < 8; w++) {
      weeks.add(noise.topicFor("u", MONDAY.plus(Duration.ofDays(7L * w))));
    }
    assertTrue(weeks.size() >= 6, "a new draw each week: " + weeks);
    assertNotEquals(topic, AdNoise.of(1, "another-key-of-16+chars".getBytes(StandardCharsets.UTF_8), TAXONOMY)
        .topicFor("u", MONDAY), "the key decides the draw (a collision here would be a 1-in-hundreds chance)");
  }

  @Test
  void theProbability_isTheShareOfUserWeeksWithNoise() {
    AdNoise noise = AdNoise.of(0.05, KEY, TAXONOMY);
    int noisy = 0;
    int users = 20_000;
    for (int i = 0; i < users; i++) {
      if (noise.topicFor("user-" + i, MONDAY) != 0) {
        noisy++;
      }
    }
    assertEquals(0.05, noisy / (double) users, 0.006, "5 % within about 4 standard deviations");
  }

  @Test
  void noiseTopics_areNeverSensitive() {
    AdNoise noise = AdNoise.of(1, KEY, TAXONOMY);
    for (int i = 0; i < 2_000; i++) {
      int topic = noise.topicFor("user-" + i, MONDAY);
      assertFalse(TAXONOMY.isAdsSensitive(topic), "topic " + topic);
      assertTrue(TAXONOMY.sensitiveCategoryOf(topic).isEmpty(), "topic " + topic);
    }
  }

  @Test
  void weeks_startOnMonday() {
    assertEquals(AdNoise.week(MONDAY), AdNoise.week(MONDAY.plus(Duration.ofDays(7)).minusMillis(1)));
    assertEquals(AdNoise.week(MONDAY) - 1, AdNoise.week(MONDAY.minusMillis(1)));
  }

  @Test
  void badSettings_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> AdNoise.of(1.5, KEY, TAXONOMY));
    assertThrows(IllegalArgumentException.class, () -> AdNoise.of(Double.NaN, KEY, TAXONOMY));
    IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
        () -> AdNoise.of(0.05, new byte[8], TAXONOMY));
    assertEquals("ad noise key: 8 bytes (expected: at least 16)", shortKey.getMessage());
  }
}
