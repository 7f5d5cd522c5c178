package dev.chatsignal.bench.cpu;

import java.util.Map;

/**
 * CPU used over an interval, in cores.
 *
 * @param busyCores the whole machine's busy cores
 * @param processCores each watched process's busy cores, by report name
 */
public record CpuUsage(double busyCores, Map<String, Double> processCores) {
  public CpuUsage {
    processCores = Map.copyOf(processCores);
  }

  /**
   * Cores used by everything else: other processes, the kernel's own threads. A quiet machine shows
   * about 0; more than ~0.2 on two cores means the run shared the CPU and its figures are suspect.
   */
  public double foreignCores() {
    return Math.max(0, busyCores - processCores.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  /** The busy cores of the named process, 0 when not watched. */
  public double cores(String name) {
    return processCores.getOrDefault(name, 0.0);
  }
}
