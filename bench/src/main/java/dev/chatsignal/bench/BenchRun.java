package dev.chatsignal.bench;

import dev.chatsignal.bench.calls.HikingScenario;
import dev.chatsignal.bench.calls.RawUnaryCall;
import dev.chatsignal.bench.cpu.CpuMeter;
import dev.chatsignal.bench.load.CallSpec;
import dev.chatsignal.bench.load.ClosedLoop;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code make bench}: starts the chatsignal jar and grpc-java's benchmark server (each in its own JVM,
 * 127.0.0.1 only), drives both with the same closed loop at the message sizes of real ScoreCandidates
 * calls, and prints the table and one {@code BENCH ...} line (its last line).
 *
 * <p>The composition root of the load generator: it alone reads the environment
 * ({@link BenchSettings}) and starts and stops processes.
 */
public final class BenchRun {
  static final String GENERATOR = "generator";
  static final Pattern OURS_LISTENING = Pattern.compile("chatsignal listening: grpc=[^ ]*:(\\d+)");
  static final Pattern RAW_LISTENING = Pattern.compile("raw listening: grpc=[^ ]*:(\\d+)");
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private BenchRun() {}

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.from(System.getenv(), args);
    if (settings.rawClasspath().isEmpty()) {
      throw new IllegalArgumentException("--raw-classpath: missing (expected: a file with the raw server's classpath)");
    }
    try (ServerProcess ours = startOurs(settings);
        ServerProcess raw = ServerProcess.start(AbComparison.RAW, List.of(java(), "-cp", settings.rawClasspath(),
            "dev.chatsignal.bench.raw.RawServer", "0"), RAW_LISTENING, START_TIMEOUT)) {
      List<ManagedChannel> oursChannels = channels(ours.port(), settings.channels());
      List<ManagedChannel> rawChannels = channels(raw.port(), settings.channels());
      try {
        List<CallSpec> calls = new HikingScenario(oursChannels.get(0)).prepare();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(AbComparison.OURS, ours.pid());
        pids.put(AbComparison.RAW, raw.pid());
        pids.put(GENERATOR, ProcessHandle.current().pid());
        AbComparison comparison = new AbComparison(new ClosedLoop(oursChannels, settings.outstanding()),
            new ClosedLoop(rawChannels, settings.outstanding()), new CpuMeter(pids), settings.warmup(),
            settings.phase(), settings.pairs());
        List<CallSpec> rawCalls = new ArrayList<>();
        for (CallSpec call : calls) {
          System.out.printf("bench: %s (%d B request, %d B response)%n", call.name(), call.requestBytes(),
              call.responseBytes());
          rawCalls.add(RawUnaryCall.sizedLike(call, rawChannels.get(0)));
        }
        comparison.warmUp(calls, rawCalls);
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
          measurements.addAll(comparison.run(calls.get(i), rawCalls.get(i)));
        }
        report(settings, measurements);
      } finally {
        shutdown(oursChannels);
        shutdown(rawChannels);
      }
    }
  }

  private static void report(BenchSettings settings, List<Measurement> measurements) {
    System.out.printf(Locale.ROOT, "%nclosed loop %d channel(s) x %d outstanding, %ds warm-up, %ds phases, "
            + "%d A/B pair(s)%s; cpu in cores (machine: %d)%n%n", settings.channels(), settings.outstanding(),
        settings.warmup().toSeconds(), settings.phase().toSeconds(), settings.pairs(),
        settings.quick() ? " (BENCH_QUICK)" : "", Runtime.getRuntime().availableProcessors());
    ReportTable.print(measurements, System.out);
    AbSummary summary = new AbSummary(measurements);
    System.out.printf(Locale.ROOT, "%nforeign cores: mean %.2f, max %.2f; errors: %d%n",
        summary.meanForeignCores(), summary.maxForeignCores(), summary.errors());
    System.out.printf(Locale.ROOT,
        "BENCH score100_vs_raw=%.3f score500_vs_raw=%.3f nonpersonalized_vs_raw=%.3f p99_ms_100=%.3f "
            + "p99_ms_500=%.3f foreign_cores=%.2f%n",
        summary.medianRatio("score100"), summary.medianRatio("score500"), summary.medianRatio("nonpersonalized"),
        summary.oursP99Millis("score100"), summary.oursP99Millis("score500"), summary.meanForeignCores());
  }

  /** Starts the chatsignal jar on free ports with the in-memory store. */
  static ServerProcess startOurs(BenchSettings settings) throws Exception {
    return startOurs(settings, List.of());
  }

  /** Starts the chatsignal jar on free ports with the in-memory store and {@code extraFlags}. */
  static ServerProcess startOurs(BenchSettings settings, List<String> extraFlags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(settings.serverJvmArgs());
    command.addAll(List.of("-jar", settings.serverJar().toString(),
        "--grpc-port", "0", "--http-port", "0", "--store", "memory"));
    command.addAll(extraFlags);
    return ServerProcess.start(AbComparison.OURS, command, OURS_LISTENING, START_TIMEOUT);
  }

  /** {@code count} plaintext channels to 127.0.0.1:{@code port}, each its own HTTP/2 connection. */
  static List<ManagedChannel> channels(int port, int count) {
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // callbacks only record a latency and send the next call: run them on the transport thread
      channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor().build());
    }
    return channels;
  }

  static void shutdown(List<ManagedChannel> channels) throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The java launcher of the JVM running the bench, so servers run on the same JDK. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
