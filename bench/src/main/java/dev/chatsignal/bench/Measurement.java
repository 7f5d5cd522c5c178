package dev.chatsignal.bench;

import dev.chatsignal.bench.cpu.CpuUsage;
import dev.chatsignal.bench.load.CallSpec;
import dev.chatsignal.bench.load.PhaseResult;

/**
 * One measured phase of an A/B comparison.
 *
 * @param pair 1-based A/B alternation index
 * @param target {@code chatsignal} or {@code raw}
 * @param call the call the phase repeated
 * @param result what the generator saw
 * @param cpu what the machine and each watched process used meanwhile
 */
record Measurement(int pair, String target, CallSpec call, PhaseResult result, CpuUsage cpu) {
  String workload() {
    return call.name();
  }
}
