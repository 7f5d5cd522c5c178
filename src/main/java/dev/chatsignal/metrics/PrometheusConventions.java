package dev.chatsignal.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes every meter follow Prometheus naming, so that {@code promtool check metrics} is clean:
 * camelCase tag keys (Micrometer's gRPC interceptor uses {@code methodType} and {@code statusCode})
 * become snake_case, {@code system.cpu.count} (a gauge ending in {@code _count}) is renamed, and
 * {@code process.cpu.time} (exported in nanoseconds, not the base unit seconds) is dropped in favour
 * of {@code process.cpu.usage}, and the gRPC server timer gets fixed histogram buckets.
 */
public final class PrometheusConventions implements MeterFilter {
  @Override
  public Meter.Id map(Meter.Id id) {
    id = promtoolClean(id);
    List<Tag> renamed = new ArrayList<>();
    boolean changed = false;
    for (Tag tag : id.getTagsAsIterable()) {
      String key = snake(tag.getKey());
      changed |= !key.equals(tag.getKey());
      renamed.add(Tag.of(key, tag.getValue()));
    }
    return changed ? id.replaceTags(renamed) : id;
  }

  /** Fixed latency buckets (1 ms .. 5 s) of the gRPC timer, so alerts and dashboards can compute p99. */
  private static final double[] LATENCY_BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
      .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (!id.getName().equals("grpc.server.processing.duration")) {
      return config;
    }
    return DistributionStatisticConfig.builder().serviceLevelObjectives(LATENCY_BUCKETS).build().merge(config);
  }

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
  }

  private static Meter.Id promtoolClean(Meter.Id id) {
    return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.logical.processors") : id;
  }

  static String snake(String key) {
    StringBuilder out = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
