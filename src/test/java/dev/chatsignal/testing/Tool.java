package dev.chatsignal.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command-line tool the tests check the server with (buf, promtool). A missing tool
 * fails the test with how to install it: these checks are part of the suite, not optional.
 */
public final class Tool {
  /** Exit code and combined output. */
  public record Result(int exitCode, String output) {}

  private Tool() {}

  public static Path buf() {
    Path buf = Path.of(System.getProperty("chatsignal.buf", "node_modules/.bin/buf"));
    if (!Files.isExecutable(buf)) {
      throw new IllegalStateException(buf + " is missing: run 'make tools' (npm install @bufbuild/buf)");
    }
    return buf;
  }

  /** {@code buf curl} over plaintext HTTP/2 (how every test talks to a jar through reflection). */
  public static Result bufCurl(Object... args) throws IOException, InterruptedException {
    Object[] command = new Object[args.length + 5];
    command[0] = buf();
    command[1] = "curl";
    command[2] = "--protocol";
    command[3] = "grpc";
    command[4] = "--http2-prior-knowledge";
    System.arraycopy(args, 0, command, 5, args.length);
    return run(null, command);
  }

  public static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(name + " is not on PATH: apt-get install prometheus (see .ci/run)");
  }

  public static Result run(String stdin, Object... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    for (Object part : command) {
      args.add(part.toString());
    }
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(args + " timed out");
    }
    return new Result(p.exitValue(), out);
  }
}
