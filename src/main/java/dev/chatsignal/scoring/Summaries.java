package dev.chatsignal.scoring;

import dev.chatsignal.policy.Reason;
import dev.chatsignal.store.Apps;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileEntry;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.Taxonomy;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One readable sentence per ranked item, from fixed templates filled with taxonomy names, app names
 * and a coarse time ("this week"). Nothing a user said is ever quoted: the only words that vary are
 * public topic names. Thread-safe.
 */
final class Summaries {
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration MONTH = Duration.ofDays(31);

  private final Taxonomy taxonomy;

  Summaries(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The sentence of a non-personalized item, by reason. */
  static String forReason(Reason reason) {
    switch (reason) {
      case REGION_EXCLUDED:
      case REGION_UNKNOWN:
        return "Shown to everyone in your region";
      case SENSITIVE_CONTEXT:
        return "Shown to everyone: this conversation is not used to personalize";
      case MINOR:
        return "Ads are not personalized for your age";
      case AGE_UNKNOWN:
        return "Ads are not personalized while your age is unknown";
      case NO_PROFILE:
        return "Shown to everyone: none of your activity is used yet";
      case AD_TOPICS_SENSITIVE:
        return "Ads about this subject are never personalized";
      case STORE_UNAVAILABLE:
        return "Shown to everyone";
      default:
        return "Popular with everyone; none of your interests matched";
    }
  }

  /**
   * The sentence of an item: from its strongest contribution when it has one, else from its reason.
   *
   * @param currentApp the app the user is in; a signal from another app names that app
   */
  String of(ScoredItem item, Profile profile, String currentApp, Instant now) {
    if (item.explanation().isEmpty()) {
      return forReason(item.reason());
    }
    Contribution top = item.explanation().get(0);
    String topic = taxonomy.find(top.profileTopicId()).map(t -> t.name()).orElse("this topic");
    if (top.source() == null) {
      return "Shown lower because you asked to see less about " + topic;
    }
    if (top.noise()) {
      return "Picked at random to vary your ads, not from your activity";
    }
    StringBuilder out = new StringBuilder("Because you ").append(verb(top.source(), topic));
    if (top.app() != null && !top.app().equals(currentApp)) {
      out.append(top.app().equals(Apps.DEFAULT) ? " in another app" : " on " + displayName(top.app()));
    }
    out.append(when(profile, top, now));
    return out.toString();
  }

  private static String verb(SignalSource source, String topic) {
    switch (source) {
      case CHAT: return "chatted about " + topic;
      case LIKE: return "liked posts about " + topic;
      case FOLLOW: return "follow " + topic + " pages";
      case SHARE: return "shared posts about " + topic;
      case COMMENT: return "commented on posts about " + topic;
      case JOIN_GROUP: return "joined " + topic + " groups";
      case WATCH: return "watched videos about " + topic;
      default: throw new IllegalStateException("unnamed source " + source);
    }
  }

  /** "this week" or "this month" from the signal's last update; nothing when older. */
  private static String when(Profile profile, Contribution top, Instant now) {
    long latest = Long.MIN_VALUE;
    for (ProfileEntry e : profile.entries()) {
      if (e.topicId() == top.profileTopicId() && e.source() == top.source() && e.app().equals(top.app())) {
        latest = Math.max(latest, e.updatedAtMillis());
      }
    }
    if (latest == Long.MIN_VALUE) {
      return "";
    }
    long age = now.toEpochMilli() - latest;
    return age <= WEEK.toMillis() ? " this week" : age <= MONTH.toMillis() ? " this month" : "";
  }

  /** "instagram" -> "Instagram": app names are lower-case identifiers. */
  static String displayName(String app) {
    return app.substring(0, 1).toUpperCase(Locale.ROOT) + app.substring(1);
  }
}
