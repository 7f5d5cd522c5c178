package dev.chatsignal.store.redis;

import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.Erasure;
import dev.chatsignal.store.ErasureScope;
import dev.chatsignal.store.Profile;
import dev.chatsignal.store.ProfileOp;
import dev.chatsignal.store.ProfileRepository;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.store.StoreException;
import dev.chatsignal.store.UserOps;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Profiles in Redis (standalone or Cluster), shared by every replica.
 *
 * <p>Each user is one hash {@code cs:{user}:p} plus one idempotency key {@code cs:{user}:i:<id>} per
 * applied interaction (SET NX with a TTL); the {@code {user}} hash tag keeps them in one cluster slot.
 * Updates run server-side in a Lua script with forward decay ({@code apply_ops.lua}), so two replicas
 * updating one user at once lose nothing and a retry on another replica is still a duplicate. After a
 * write the replica publishes the user id on {@code cs:invalidate}; every other replica drops its
 * cached copy (see {@link ProfileStore#invalidateRemote}). Any Redis failure surfaces as
 * {@link StoreException}.
 */
public final class RedisProfileRepository implements ProfileRepository {
  /** Forward-decay landmark: the launch date; weights are stored relative to it. */
  static final long LANDMARK_MILLIS = Instant.parse("2025-12-16T00:00:00Z").toEpochMilli();
  static final String INVALIDATION_CHANNEL = "cs:invalidate";

  private final RedisEndpoint endpoint;
  private final RedisConnection redis;
  private final DecayPolicy decay;
  private final int maxTopics;
  private final Duration idempotencyTtl;
  private final Duration profileTtl;
  private final Script applyOps = new Script("/store/apply_ops.lua");
  private final Script erase = new Script("/store/erase.lua");
  private final String replicaId = UUID.randomUUID().toString();

  /**
   * @param idempotencyTtl how long an interaction id is remembered (retries later than this count again)
   * @param profileTtl a profile untouched this long is deleted by Redis
   */
  public RedisProfileRepository(RedisEndpoint endpoint, DecayPolicy decay, int maxTopics, Duration idempotencyTtl,
      Duration profileTtl) {
    this.endpoint = endpoint;
    this.decay = decay;
    this.maxTopics = maxTopics;
    this.idempotencyTtl = idempotencyTtl;
    this.profileTtl = profileTtl;
    try {
      this.redis = new RedisConnection(endpoint);
    } catch (RedisException e) {
      throw new StoreException("cannot connect to " + endpoint.describe() + ": " + e.getMessage(), e);
    }
  }

  static String profileKey(String userId) {
    return "cs:{" + userId + "}:p";
  }

  static String interactionKey(String userId, String interactionId) {
    return "cs:{" + userId + "}:i:" + interactionId;
  }

  @Override
  public Optional<Profile> load(String userId) {
    Map<String, String> fields;
    try {
      fields = redis.commands().hgetall(profileKey(userId));
    } catch (RedisException e) {
      throw new StoreException("redis read failed", e);
    }
    return fields.isEmpty() ? Optional.empty() : Optional.of(RedisProfileFields.toProfile(fields, decay));
  }

  @Override
  public List<List<Boolean>> apply(List<UserOps> batch, Instant now) {
    List<List<Boolean>> results = new ArrayList<>(batch.size());
    for (UserOps user : batch) {
      List<String> keys = new ArrayList<>();
      keys.add(profileKey(user.userId()));
      List<String> args = new ArrayList<>();
      args.add(Long.toString(now.toEpochMilli()));
      args.add(Integer.toString(maxTopics));
      args.add(Long.toString(idempotencyTtl.toMillis()));
      args.add(Long.toString(profileTtl.toMillis()));
      args.add(Long.toString(LANDMARK_MILLIS));
      for (int code = 1; code <= 7; code++) {
        args.add(Long.toString(decay.halfLife(SignalSource.ofCode(code)).toMillis()));
      }
      args.add(Integer.toString(user.ops().size()));
      for (ProfileOp op : user.ops()) {
        if (op.interactionId() != null) {
          keys.add(interactionKey(user.userId(), op.interactionId()));
        }
        args.add(op.interactionId() == null ? "0" : "1");
        args.add(Integer.toString(op.reinforcements().size()));
        args.add(Integer.toString(op.suppressions().size()));
        for (ProfileOp.Reinforcement r : op.reinforcements()) {
          args.add(Integer.toString(r.topicId()));
          args.add(Integer.toString(r.source().code()));
          args.add(Double.toString(r.amount()));
          args.add(Long.toString(r.atMillis()));
          args.add(r.app());
        }
        for (ProfileOp.Suppression s : op.suppressions()) {
          args.add(Integer.toString(s.topicId()));
          args.add(Long.toString(s.untilMillis()));
        }
      }
      List<Object> flags = applyOps.run(keys, args);
      List<Boolean> applied = new ArrayList<>(flags.size());
      for (Object flag : flags) {
        applied.add(((Long) flag) == 1L);
      }
      results.add(applied);
      publishInvalidation(user.userId());
    }
    return results;
  }

  @Override
  public Erasure erase(String userId, ErasureScope scope, Optional<String> app) {
    List<Object> result = erase.run(List.of(profileKey(userId)),
        List.of(scope == ErasureScope.ALL ? "all" : "chat", app.orElse("")));
    publishInvalidation(userId);
    return new Erasure(((Long) result.get(0)).intValue(), ((Long) result.get(1)) == 1L);
  }

  private void publishInvalidation(String userId) {
    try {
      redis.commands().publish(INVALIDATION_CHANNEL, replicaId + " " + userId);
    } catch (RedisException e) {
      throw new StoreException("redis publish failed", e);
    }
  }

  @Override
  public void subscribeInvalidations(Consumer<String> listener) {
    redis.subscribe(INVALIDATION_CHANNEL, message -> {
      int space = message.indexOf(' ');
      if (space > 0 && !message.substring(0, space).equals(replicaId)) {
        listener.accept(message.substring(space + 1));
      }
    });
  }

  @Override
  public boolean ping() {
    try {
      return "PONG".equals(redis.commands().ping());
    } catch (RedisException e) {
      return false;
    }
  }

  @Override
  public String describe() {
    return endpoint.describe();
  }

  @Override
  public void close() {
    redis.close();
  }

  /** A Lua script run by its SHA, sent in full once when the server does not know it yet. */
  private final class Script {
    private final String source;
    private final String sha;

    Script(String resource) {
      try (InputStream in = RedisProfileRepository.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.sha = RedisScriptDigest.sha1(source);
    }

    List<Object> run(List<String> keys, List<String> args) {
      RedisClusterCommands<String, String> commands = redis.commands();
      String[] k = keys.toArray(new String[0]);
      String[] a = args.toArray(new String[0]);
      try {
        try {
          return commands.evalsha(sha, ScriptOutputType.MULTI, k, a);
        } catch (RedisNoScriptException e) {
          return commands.eval(source, ScriptOutputType.MULTI, k, a);
        }
      } catch (RedisException e) {
        throw new StoreException("redis script failed", e);
      }
    }
  }
}
