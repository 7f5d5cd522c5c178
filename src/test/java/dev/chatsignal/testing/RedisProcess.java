package dev.chatsignal.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, in its own temporary directory, without
 * persistence. It can be killed and restarted on the same port (outage tests). {@code .ci/run}
 * installs the Debian package; a missing binary fails the test with how to install it.
 */
public final class RedisProcess implements AutoCloseable {
  public final int port;
  private final Path dir;
  private final List<String> extraArgs;
  private Process process;

  private RedisProcess(int port, Path dir, List<String> extraArgs) {
    this.port = port;
    this.dir = dir;
    this.extraArgs = List.copyOf(extraArgs);
  }

  public static RedisProcess start(String... extraArgs) throws IOException {
    RedisProcess redis = new RedisProcess(freePort(), Files.createTempDirectory("redis-"), List.of(extraArgs));
    redis.restart();
    return redis;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** (Re)starts the server on its port and waits until it accepts connections. */
  public void restart() throws IOException {
    List<String> command = new ArrayList<>(List.of(Tool.onPath("redis-server").toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
        "--save", "", "--appendonly", "no", "--protected-mode", "no"));
    command.addAll(extraArgs);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile()).start();
    awaitPort(port, Duration.ofSeconds(20));
  }

  /** Kills the server (SIGKILL) and waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
  }

  static void awaitPort(int port, Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new IOException("redis-server did not listen on " + port + " within " + timeout, e);
        }
        try {
          Thread.sleep(20); // polling a child process for readiness, not timing the code under test
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException(ie);
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
