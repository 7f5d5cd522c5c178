package dev.chatsignal.bench.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads CPU time from Linux {@code /proc}: the machine's busy time from {@code /proc/stat} and each
 * watched process's user + system time from {@code /proc/<pid>/stat} (all its threads, live and
 * exited).
 *
 * <p>Busy time is user + nice + system + irq + softirq + steal; idle and iowait are not busy. Times are
 * in clock ticks, assumed to be 100 per second (USER_HZ on every mainstream Linux build).
 */
public final class CpuMeter {
  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, Long> pids;

  /** @param pids the processes to account for, by report name, e.g. {@code chatsignal -> 1234} */
  public CpuMeter(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
  }

  /** A reading of the machine's and each watched process's CPU ticks so far. */
  public record Snapshot(long nanoTime, long busyTicks, Map<String, Long> processTicks) {}

  /** Reads the counters now. A process that has exited reads as 0 ticks. */
  public Snapshot snapshot() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
    return new Snapshot(System.nanoTime(), busyTicks(), ticks);
  }

  /** The CPU used between two snapshots, in cores (1.0 = one core busy the whole time). */
  public static CpuUsage between(Snapshot from, Snapshot to) {
    double seconds = (to.nanoTime() - from.nanoTime()) / 1e9;
    Map<String, Double> cores = new LinkedHashMap<>();
    to.processTicks().forEach((name, ticks) ->
        cores.put(name, (ticks - from.processTicks().getOrDefault(name, 0L)) / TICKS_PER_SECOND / seconds));
    return new CpuUsage((to.busyTicks() - from.busyTicks()) / TICKS_PER_SECOND / seconds, cores);
  }

  private static long busyTicks() {
    String cpu = read(Path.of("/proc/stat")).lines().filter(l -> l.startsWith("cpu ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("/proc/stat: no aggregate cpu line"));
    String[] f = cpu.trim().split("\\s+");
    // cpu user nice system idle iowait irq softirq steal [guest guest_nice: already inside user/nice]
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += i < f.length ? Long.parseLong(f[i]) : 0;
    }
    return busy;
  }

  private static long processTicks(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return 0;
    }
    String line = read(stat);
    // the command name (field 2) may hold spaces and parentheses: parse after the last ')'
    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
