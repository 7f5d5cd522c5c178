package dev.chatsignal.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code target/chatsignal.jar} as a child process on free ports. Its output is kept so tests
 * can search it (for chat text that must never be logged).
 */
public final class JarProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("chatsignal listening: grpc=([^ ]+):(\\d+) http=http://[^ ]+:(\\d+)");

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private Thread pump;
  public final int grpcPort;
  public final int httpPort;

  private JarProcess(Process process) throws IOException {
    this.process = process;
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Matcher> ready = new CompletableFuture<>();
    pump = new Thread(() -> {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (output) {
            output.add(line);
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            ready.complete(m);
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IllegalStateException("server exited before listening: " + output()));
    }, "jar-output");
    pump.setDaemon(true);
    pump.start();
    try {
      Matcher m = ready.get(60, TimeUnit.SECONDS);
      grpcPort = Integer.parseInt(m.group(2));
      httpPort = Integer.parseInt(m.group(3));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("chatsignal.jar did not start: " + output(), e);
    }
  }

  /** Starts the jar with the given CHATSIGNAL_* environment (ports default to 0 = free ports). */
  public static JarProcess start(Map<String, String> env) throws IOException {
    Path jar = Path.of(System.getProperty("chatsignal.jar", "target/chatsignal.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run 'make build' (mvn verify builds it before the ITs)");
    }
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar.toString());
    pb.environment().put("CHATSIGNAL_GRPC_PORT", "0");
    pb.environment().put("CHATSIGNAL_HTTP_PORT", "0");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    return new JarProcess(pb.start());
  }

  /** GET on the server's HTTP endpoint ({@code /metrics}, {@code /healthz}): status code and body. */
  public HttpResponse<String> http(String path) throws IOException, InterruptedException {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
  }

  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Sends SIGTERM and waits for the exit code. */
  public int terminate() throws InterruptedException {
    // kill -TERM rather than Process.destroy(), which also closes our end of the child's output, so the
    // lines it prints while draining would never be read (and never be checked for chat text)
    try {
      new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
    } catch (java.io.IOException e) {
      process.destroy();
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("did not exit within 60 s of SIGTERM");
    }
    pump.join(10_000);
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
