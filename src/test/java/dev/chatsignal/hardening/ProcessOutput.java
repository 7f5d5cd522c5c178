package dev.chatsignal.hardening;

import dev.chatsignal.testing.JarProcess;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A SIGTERM that keeps the jar's output. {@link JarProcess#terminate()} uses {@link Process#destroy()},
 * which on Linux closes the child's stdout pipe right after the signal, so whatever the server prints
 * while it drains (its "stopped" line, any log line) is never read. Here the signal goes through
 * {@link ProcessHandle}, the process is awaited, the reader thread is polled (bounded) until it has
 * read the line that ends a run, and only then is {@code terminate()} used to collect the exit code.
 */
final class ProcessOutput {
  static final String STOPPED = "chatsignal: stopped";

  private ProcessOutput() {}

  /** Sends SIGTERM, waits up to {@code within} for the exit and the last output line; the exit code. */
  static int sigterm(JarProcess jar, Duration within) throws Exception {
    ProcessHandle process = ProcessHandle.of(jar.pid()).orElseThrow();
    process.destroy();
    process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
    afterStop(jar, Duration.ofSeconds(10));
    return jar.terminate();
  }

  /** The whole output, once it holds {@link #STOPPED}; fails after {@code within}. */
  static String afterStop(JarProcess jar, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      String out = jar.output();
      if (out.contains(STOPPED)) {
        return out;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no '" + STOPPED + "' in the output within " + within + ":\n" + jar.output());
  }
}
