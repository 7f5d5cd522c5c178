package dev.chatsignal.api;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Erasure;
import dev.chatsignal.store.ErasureScope;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileEntry;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.store.ProfileOp;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.DeleteProfileRequest;
import dev.chatsignal.v1.DeleteProfileResponse;
import dev.chatsignal.v1.DeleteScope;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.GetProfileResponse;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.ProfileTopic;
import dev.chatsignal.v1.SuppressTopicRequest;
import dev.chatsignal.v1.SuppressTopicResponse;
import dev.chatsignal.v1.TopicSuppression;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, erases and adjusts profiles. Personal data: the composition root puts the admin-token check
 * in front of this service when a token is configured.
 */
public final class ProfileGrpcService extends ProfileServiceGrpc.ProfileServiceImplBase {
  static final java.time.Duration MAX_SUPPRESSION = java.time.Duration.ofDays(365);

  private final ProfileStore store;
  private final DecayPolicy decay;
  private final Taxonomy taxonomy;
  private final FieldRules rules;
  private final Clock clock;

  public ProfileGrpcService(
      ProfileStore store, DecayPolicy decay, Taxonomy taxonomy, RequestLimits limits, Clock clock) {
    this.store = store;
    this.decay = decay;
    this.taxonomy = taxonomy;
    this.rules = new FieldRules(taxonomy, limits);
    this.clock = clock;
  }

  @Override
  public void getProfile(GetProfileRequest request, StreamObserver<GetProfileResponse> out) {
    GrpcCalls.unary("GetProfile", out, () -> {
      String user = rules.id("user_id", request.getUserId(), RequestLimits.MAX_ID_CHARS);
      Optional<String> app = FieldRules.appFilter("app", request.getApp());
      Profile profile = store.get(user);
      Instant now = clock.instant();
      List<ProfileTopic> topics = new ArrayList<>();
      for (ProfileEntry e : profile.entries()) {
        if (app.isPresent() && !app.get().equals(e.app())) {
          continue;
        }
        topics.add(ProfileTopic.newBuilder().setApp(e.app())
            .setTopicId(e.topicId()).setPath(taxonomy.pathOf(e.topicId()))
            .setWeight(decay.weightAt(e, now)).setSource(ProtoEnums.source(e.source()))
            .setUpdatedAt(timestamp(Instant.ofEpochMilli(e.updatedAtMillis()))).build());
      }
      topics.sort(Comparator.comparingDouble(ProfileTopic::getWeight).reversed());
      GetProfileResponse.Builder b = GetProfileResponse.newBuilder()
          .setUserId(user).addAllTopics(topics).setTaxonomyVersion(taxonomy.version());
      profile.suppressedUntilMillis().entrySet().stream()
          .filter(s -> s.getValue() > now.toEpochMilli())
          .sorted(Map.Entry.comparingByKey())
          .forEach(s -> b.addSuppressed(suppression(s.getKey(), Instant.ofEpochMilli(s.getValue()))));
      return b.build();
    });
  }

  @Override
  public void deleteProfile(DeleteProfileRequest request, StreamObserver<DeleteProfileResponse> out) {
    GrpcCalls.unary("DeleteProfile", out, () -> {
      String user = rules.id("user_id", request.getUserId(), RequestLimits.MAX_ID_CHARS);
      ErasureScope scope;
      if (request.getScope() == DeleteScope.DELETE_SCOPE_ALL) {
        scope = ErasureScope.ALL;
      } else if (request.getScope() == DeleteScope.DELETE_SCOPE_CHAT_ONLY) {
        scope = ErasureScope.CHAT_ONLY;
      } else {
        throw InvalidArgument.of("scope", request.getScope() == DeleteScope.UNRECOGNIZED
            ? request.getScopeValue() : request.getScope().name(), "DELETE_SCOPE_ALL or DELETE_SCOPE_CHAT_ONLY");
      }
      Erasure erasure = store.erase(user, scope, FieldRules.appFilter("app", request.getApp()));
      return DeleteProfileResponse.newBuilder().setEntriesDeleted(erasure.entriesDeleted())
          .setProfileDeleted(erasure.profileDeleted()).setScope(request.getScope()).build();
    });
  }

  @Override
  public void suppressTopic(SuppressTopicRequest request, StreamObserver<SuppressTopicResponse> out) {
    GrpcCalls.unary("SuppressTopic", out, () -> {
      String user = rules.id("user_id", request.getUserId(), RequestLimits.MAX_ID_CHARS);
      int topic = request.getTopicId();
      if (!taxonomy.contains(topic)) {
        throw InvalidArgument.of("topic_id", topic, "a topic id of " + taxonomy.version());
      }
      java.time.Duration duration = duration(request);
      Instant until = clock.instant().plus(duration);
      store.apply(user, new ProfileOp(null, List.of(),
          List.of(new ProfileOp.Suppression(topic, until.toEpochMilli()))), clock.instant());
      long effective = store.get(user).suppressedUntilMillis().getOrDefault(topic, until.toEpochMilli());
      return SuppressTopicResponse.newBuilder()
          .setSuppression(suppression(topic, Instant.ofEpochMilli(effective))).build();
    });
  }

  private static java.time.Duration duration(SuppressTopicRequest request) {
    if (!request.hasDuration()) {
      throw InvalidArgument.of("duration", "not set", "more than 0 and at most 365 days");
    }
    Duration d = request.getDuration();
    if (d.getSeconds() < 0 || d.getNanos() < 0 || d.getNanos() > 999_999_999
        || (d.getSeconds() == 0 && d.getNanos() == 0)
        || d.getSeconds() > MAX_SUPPRESSION.getSeconds()
        || (d.getSeconds() == MAX_SUPPRESSION.getSeconds() && d.getNanos() > 0)) {
      throw InvalidArgument.of("duration", d.getSeconds() + "s", "more than 0 and at most 365 days");
    }
    return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }

  private TopicSuppression suppression(int topic, Instant until) {
    return TopicSuppression.newBuilder().setTopicId(topic).setPath(taxonomy.pathOf(topic))
        .setUntil(timestamp(until)).build();
  }

  private static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }
}
