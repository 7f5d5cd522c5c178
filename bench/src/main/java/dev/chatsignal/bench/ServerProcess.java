package dev.chatsignal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server JVM the bench starts, waits for and stops. Its output is read on a daemon thread: the
 * first line matching the listening pattern gives the port; every line is echoed with the server's
 * name as prefix (so the pipe never fills).
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(25);

  private final String name;
  private final Process process;
  private final int port;

  private ServerProcess(String name, Process process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code command} and waits until it prints a line matching {@code listening}, whose group 1
   * is the gRPC port.
   *
   * @throws IOException when it cannot start, exits, or does not listen within {@code timeout}
   */
  static ServerProcess start(String name, List<String> command, Pattern listening, Duration timeout)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> echo(name, process, listening, port), name + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(name, process, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException(name + ": did not print its listening line within " + timeout + ": " + command, e);
    }
  }

  private static void echo(String name, Process process, Pattern listening, CompletableFuture<Integer> port) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        System.out.println("[" + name + "] " + line);
        Matcher m = listening.matcher(line);
        if (!port.isDone() && m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IOException(name + " closed its output"));
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Sends SIGTERM, waits for a graceful exit (bounded), then kills. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
