package dev.chatsignal.store.redis;

import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileEntry;
import dev.chatsignal.store.SignalSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a profile hash written by {@code apply_ops.lua}: a forward-decayed field
 * {@code g:<topic>:<src>} with its time {@code t:<topic>:<src>} becomes the weight as of that time,
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
        SignalSource source = SignalSource.ofCode(Integer.parseInt(name.substring(colon + 1)));
        String time = fields.get("t:" + name.substring(2));
        long at = time == null ? RedisProfileRepository.LANDMARK_MILLIS : Long.parseLong(time);
        double forward = Double.parseDouble(f.getValue());
        double weight = forward * Math.pow(2, -(double) (at - RedisProfileRepository.LANDMARK_MILLIS)
            / decay.halfLife(source).toMillis());
        if (weight > 0 && Double.isFinite(weight)) {
          entries.add(new ProfileEntry(topic, source, weight, at));
        }
      } else if (name.startsWith("s:")) {
        suppressed.put(Integer.parseInt(name.substring(2)), Long.parseLong(f.getValue()));
      }
    }
    entries.sort((a, b) -> a.topicId() != b.topicId() ? Integer.compare(a.topicId(), b.topicId())
        : Integer.compare(a.source().code(), b.source().code()));
    return new Profile(entries, suppressed);
  }
}
