package dev.chatsignal.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renames camelCase tag keys (Micrometer's gRPC interceptor uses {@code methodType} and
 * {@code statusCode}) to snake_case, which Prometheus conventions and {@code promtool check metrics}
 * expect.
 */
public final class SnakeCaseTags implements MeterFilter {
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

  /**
   * Two JVM binder names that {@code promtool check metrics} flags: {@code process.cpu.time} carries
   * its unit abbreviated ({@code _ns}), and {@code system.cpu.count} is a gauge ending in
   * {@code _count}. Both are renamed, not dropped.
   */
  private static Meter.Id promtoolClean(Meter.Id id) {
    switch (id.getName()) {
      case "system.cpu.count":
        return id.withName("system.cpu.logical.processors");
      case "process.cpu.time":
        return id.withName("process.cpu.time.used").withBaseUnit("nanoseconds");
      default:
        return id;
    }
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
