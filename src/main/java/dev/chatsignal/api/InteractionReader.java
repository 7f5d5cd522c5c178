package dev.chatsignal.api;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.chatsignal.ingest.EngagementKind;
import dev.chatsignal.ingest.Interaction;
import dev.chatsignal.ingest.Signal;
import dev.chatsignal.v1.ChatTurn;
import dev.chatsignal.v1.Engagement;
import dev.chatsignal.v1.Modality;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Validates one proto {@code Interaction} and maps it to the domain. A broken rule throws
 * {@link InvalidArgument} for that interaction alone.
 */
final class InteractionReader {
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final FieldRules rules;
  private final Clock clock;

  InteractionReader(FieldRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  Interaction read(String path, dev.chatsignal.v1.Interaction in) {
    String id = rules.id(path + ".interaction_id", in.getInteractionId(), RequestLimits.MAX_ID_CHARS);
    String user = rules.id(path + ".user_id", in.getUserId(), RequestLimits.MAX_ID_CHARS);
    Instant eventTime = eventTime(path + ".event_time", in);
    Signal signal;
    switch (in.getSignalCase()) {
      case CHAT:
        signal = chat(path + ".chat", in.getChat());
        break;
      case ENGAGEMENT:
        signal = engagement(path + ".engagement", in.getEngagement());
        break;
      default:
        throw InvalidArgument.of(path + ".signal", "not set", "exactly one of chat or engagement");
    }
    String app = FieldRules.app(path + ".app", in.getApp());
    return new Interaction(id, user, in.getCountry(), eventTime, signal, app);
  }

  private Instant eventTime(String field, dev.chatsignal.v1.Interaction in) {
    if (!in.hasEventTime()) {
      throw InvalidArgument.of(field, "not set", "a timestamp");
    }
    Timestamp ts = in.getEventTime();
    if (!Timestamps.isValid(ts)) {
      throw InvalidArgument.of(field, ts.getSeconds() + "s " + ts.getNanos() + "ns", "a valid timestamp");
    }
    Instant time = Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    if (time.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
      throw InvalidArgument.of(field, time, "not more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
    }
    return time;
  }

  private Signal.Chat chat(String path, ChatTurn chat) {
    FieldRules.known(path + ".modality", chat.getModality(), chat.getModalityValue(), Modality.UNRECOGNIZED, null);
    String text = rules.text(path + ".text", chat.getText(), true);
    return new Signal.Chat(text, chat.getModality() == Modality.MODALITY_VOICE);
  }

  private Signal.Engagement engagement(String path, Engagement e) {
    FieldRules.known(path + ".kind", e.getKind(), e.getKindValue(),
        dev.chatsignal.v1.EngagementKind.UNRECOGNIZED, dev.chatsignal.v1.EngagementKind.ENGAGEMENT_KIND_UNSPECIFIED);
    String itemId = rules.id(path + ".item_id", e.getItemId(), RequestLimits.MAX_ITEM_ID_CHARS);
    var topics = rules.topics(path + ".topics", e.getTopicsList());
    String text = rules.text(path + ".text", e.getText(), topics.isEmpty());
    return new Signal.Engagement(kind(e.getKind()), itemId,
        ProtoEnums.itemKind(path + ".item_kind", e.getItemKindValue()), topics, text);
  }

  private static EngagementKind kind(dev.chatsignal.v1.EngagementKind kind) {
    switch (kind) {
      case ENGAGEMENT_KIND_LIKE: return EngagementKind.LIKE;
      case ENGAGEMENT_KIND_FOLLOW: return EngagementKind.FOLLOW;
      case ENGAGEMENT_KIND_SHARE: return EngagementKind.SHARE;
      case ENGAGEMENT_KIND_COMMENT: return EngagementKind.COMMENT;
      case ENGAGEMENT_KIND_JOIN_GROUP: return EngagementKind.JOIN_GROUP;
      case ENGAGEMENT_KIND_WATCH: return EngagementKind.WATCH;
      case ENGAGEMENT_KIND_HIDE: return EngagementKind.HIDE;
      case ENGAGEMENT_KIND_NOT_INTERESTED: return EngagementKind.NOT_INTERESTED;
      default: throw new IllegalStateException("unchecked engagement kind " + kind);
    }
  }
}
