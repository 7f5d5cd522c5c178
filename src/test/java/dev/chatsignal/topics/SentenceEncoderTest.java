package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  /* No network at run time: DJL, the tokenizer's runtime, would otherwise probe cloud metadata. */
  @Test
  void djl_runsOffline() {
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      assertEquals("true", System.getProperty(SentenceEncoder.DJL_OFFLINE));
      assertEquals(SentenceEncoder.DIMENSIONS, encoder.encode("offline").length);
    }
  }
}
