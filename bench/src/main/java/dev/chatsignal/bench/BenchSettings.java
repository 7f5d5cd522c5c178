package dev.chatsignal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a bench run is shaped, read once by the main classes from the environment and arguments.
 *
 * <p>Environment: {@code BENCH_QUICK=1} (2 s warm-ups, 3 s phases, one A/B pair, 3 s sweep steps),
 * {@code BENCH_WARMUP_SECONDS} (5; each warm-up, the initial round over all workloads and each
 * workload's own),
 * {@code BENCH_PHASE_SECONDS} (20), {@code BENCH_PAIRS} (2), {@code BENCH_CHANNELS} (1),
 * {@code BENCH_OUTSTANDING} (10), {@code BENCH_SERVER_JVM_ARGS} (extra JVM flags for the chatsignal
 * server, e.g. {@code -XX:StartFlightRecording=...}). Arguments:
 * {@code --server-jar PATH} (the chatsignal jar), {@code --raw-classpath FILE} (a file holding the
 * raw server's classpath).
 *
 * @param pairs A/B alternations per workload, >= 1
 * @param channels channels per target in the closed loop, >= 1
 * @param outstanding calls in flight per channel in the closed loop, >= 1
 */
record BenchSettings(
    boolean quick, Duration warmup, Duration phase, int pairs, int channels, int outstanding,
    Path serverJar, String rawClasspath, List<String> serverJvmArgs) {
  BenchSettings {
    if (pairs < 1 || channels < 1 || outstanding < 1 || warmup.isNegative() || phase.isZero()) {
      throw new IllegalArgumentException("pairs " + pairs + ", channels " + channels + ", outstanding "
          + outstanding + ", warmup " + warmup + ", phase " + phase + " (expected: counts >= 1, phase > 0)");
    }
    serverJvmArgs = List.copyOf(serverJvmArgs);
  }

  /** Reads the settings; a missing or malformed value is an {@link IllegalArgumentException}. */
  static BenchSettings from(Map<String, String> env, String[] args) throws java.io.IOException {
    boolean quick = "1".equals(env.get("BENCH_QUICK"));
    Path jar = Path.of(argument(args, "--server-jar", "target/chatsignal.jar"));
    String rawFile = argument(args, "--raw-classpath", "");
    String raw = rawFile.isEmpty() ? "" : Files.readString(Path.of(rawFile)).trim();
    String jvmArgs = env.getOrDefault("BENCH_SERVER_JVM_ARGS", "").trim();
    List<String> jvm = new ArrayList<>(Arrays.asList(jvmArgs.split("\\s+")));
    jvm.removeIf(String::isEmpty);
    return new BenchSettings(quick,
        Duration.ofSeconds(number(env, "BENCH_WARMUP_SECONDS", quick ? 2 : 5)),
        Duration.ofSeconds(number(env, "BENCH_PHASE_SECONDS", quick ? 3 : 20)),
        number(env, "BENCH_PAIRS", quick ? 1 : 2),
        number(env, "BENCH_CHANNELS", 1),
        number(env, "BENCH_OUTSTANDING", 10),
        jar, raw, jvm);
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: an integer)", e);
    }
  }

  private static String argument(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
