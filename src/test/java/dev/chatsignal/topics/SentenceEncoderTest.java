package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  /* A CPU-only encoder: DJL's CUDA probe may log errors, not warnings about a missing GPU driver. */
  @Test
  void djlCudaProbe_warningsStayOutOfTheLog_errorsDoNot() {
    java.util.List<java.util.logging.LogRecord> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        published.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    SentenceEncoder.CUDA_PROBE_LOG.addHandler(handler);
    try {
      org.slf4j.Logger probe = org.slf4j.LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils");
      probe.warn("Failed to detect GPU count: {} ({})", "CUDA driver version is insufficient", 35);
      assertTrue(published.isEmpty(), published.toString());
      probe.error("a real failure");
      assertEquals(1, published.size());
    } finally {
      SentenceEncoder.CUDA_PROBE_LOG.removeHandler(handler);
    }
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
