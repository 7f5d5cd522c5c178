package dev.chatsignal.store.redis;

import dev.chatsignal.store.Apps;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileEntry;
import dev.chatsignal.store.SignalSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a profile hash written by {@code apply_ops.lua}: a forward-decayed field
 * {@code g:<topic>:<src>[:<app>]} with its time {@code t:<topic>:<src>[:<app>]} (no app suffix: the
 * default app) becomes the weight as of that time,
 * {@code g * 2^-((t - L) / halfLife)}; {@code s:<topic>} are suppressions.
 */
final class RedisProfileFields {
  private RedisProfileFields() {}

  static Profile toProfile(Map<String, String> fields, DecayPolicy decay) {
    List<ProfileEntry> entries = new ArrayList<>();
    Map<Integer, Long> suppressed = new HashMap<>();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String name = f.getKey();
      if (name.startsWith("g:")) {
        int colon = name.indexOf(':', 2);
        int topic = Integer.parseInt(name.substring(2, colon));
        int appColon = name.indexOf(':', colon + 1);
        SignalSource source = SignalSource.ofCode(Integer.parseInt(
            appColon < 0 ? name.substring(colon + 1) : name.substring(colon + 1, appColon)));
        String app = appColon < 0 ? Apps.DEFAULT : name.substring(appColon + 1);
        String time = fields.get("t:" + name.substring(2));
        long at = time == null ? RedisProfileRepository.LANDMARK_MILLIS : Long.parseLong(time);
        double forward = Double.parseDouble(f.getValue());
        double weight = forward * Math.pow(2, -(double) (at - RedisProfileRepository.LANDMARK_MILLIS)
            / decay.halfLife(source).toMillis());
        if (weight > 0 && Double.isFinite(weight)) {
          entries.add(new ProfileEntry(topic, source, app, weight, at));
        }
      } else if (name.startsWith("s:")) {
        suppressed.put(Integer.parseInt(name.substring(2)), Long.parseLong(f.getValue()));
      }
    }
    entries.sort(Comparator.comparingInt(ProfileEntry::topicId)
        .thenComparingInt(e -> e.source().code()).thenComparing(ProfileEntry::app));
    return new Profile(entries, suppressed);
  }
}
