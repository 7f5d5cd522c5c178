package dev.chatsignal.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Polls a condition until it yields a value or a deadline passes; the failure names what was awaited
 * and the last thing seen. For waiting on child processes (Prometheus scraping and evaluating), where
 * there is no event to wait on.
 */
final class Deadline {
  private static final Duration PAUSE = Duration.ofMillis(250);

  private Deadline() {}

  static <T> T await(Duration timeout, String what, Callable<Optional<T>> attempt) throws Exception {
    Instant end = Instant.now().plus(timeout);
    Object last = null;
    while (true) {
      try {
        Optional<T> value = attempt.call();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (java.io.IOException e) {
        last = e;
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what
            + (last == null ? "" : " (last error: " + last + ")"));
      }
      Thread.sleep(PAUSE.toMillis());
    }
  }
}
