package dev.chatsignal.deploy;

import dev.chatsignal.testing.Tool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code prometheus} server (the Debian package's binary) on a free 127.0.0.1 port, with its
 * TSDB and configuration in a temporary directory, queried through its HTTP API.
 */
final class PrometheusProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final int port;

  private PrometheusProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts Prometheus on {@code dir/prometheus.yml} (rule files beside it) and waits until it is ready. */
  static PrometheusProcess start(Path dir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("prometheus.log");
    Process process = new ProcessBuilder(Tool.onPath("prometheus").toString(),
        "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("tsdb"),
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PrometheusProcess prometheus = new PrometheusProcess(process, log, port);
    try {
      Deadline.await(Duration.ofSeconds(20), "prometheus /-/ready", () -> {
        if (!process.isAlive()) {
          throw new AssertionError("prometheus exited: " + prometheus.log());
        }
        return prometheus.status("/-/ready") == 200 ? Optional.of(true) : Optional.empty();
      });
    } catch (Exception | AssertionError e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  /** GET on the HTTP API; the {@code data} of a {@code status: success} answer. */
  Object api(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
    Map<String, Object> body = DeployFiles.parse(r.body());
    if (r.statusCode() != 200 || !"success".equals(body.get("status"))) {
      throw new AssertionError(path + " -> " + r.statusCode() + " " + r.body());
    }
    return body.get("data");
  }

  /** The result vector of an instant query. */
  java.util.List<Map<String, Object>> query(String promql) throws IOException, InterruptedException {
    Object data = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return Node.maps(data, "result");
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private int status(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
