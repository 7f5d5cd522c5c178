package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

  /*
   * A background thread may still be classifying an item text when the server shuts down; before the
   * lock, closing the ONNX session under it crashed the JVM in native code.
   */
  @Test
  void close_waitsForCallsInFlight_andLaterCallsFailCleanly() throws Exception {
    SentenceEncoder encoder = new SentenceEncoder();
    CompletableFuture<Integer> busy = CompletableFuture.supplyAsync(() -> {
      int n = 0;
      try {
        while (true) {
          encoder.encode("what trails do you recommend for a hike near denver " + n);
          n++;
        }
      } catch (IllegalStateException closed) {
        return n;
      }
    });
    assertEquals(SentenceEncoder.DIMENSIONS, encoder.encode("warm up").length);
    encoder.close();
    busy.get(30, TimeUnit.SECONDS);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> encoder.encode("after close"));
    assertEquals(SentenceEncoder.MODEL_ID + " encoder is closed", e.getMessage());
    encoder.close();
  }

  @Test
  void encodeWithPieces_givesTheSentenceVector_andEachWordInItsContext() {
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      String laptop = "my laptop caught a virus";
      String flu = "the flu virus kept me in bed";
      KeywordSense.Embedded a = KeywordSense.Embedded.of(encoder, laptop.split(" "), 24);
      KeywordSense.Embedded b = KeywordSense.Embedded.of(encoder, flu.split(" "), 24);
      assertArrayEquals(encoder.encode(laptop), a.sentence());
      float[] virusA = a.span(4, 1);
      float[] virusB = b.span(2, 1);
      assertEquals(1.0, SentenceEncoder.dot(virusA, virusA), 1e-5);
      assertTrue(SentenceEncoder.dot(virusA, virusB) < 0.95, "the same word reads differently in two sentences");
      assertNull(a.span(5, 1), "beyond the words");
      assertNull(KeywordSense.Embedded.of(encoder, flu.split(" "), 3).span(3, 1), "beyond the embedded words");
    }
  }
}
