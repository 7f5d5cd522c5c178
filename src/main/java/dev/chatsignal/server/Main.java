package dev.chatsignal.server;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.api.InteractionGrpcService;
import dev.chatsignal.api.ProfileGrpcService;
import dev.chatsignal.api.RequestLimits;
import dev.chatsignal.api.RequestParsing;
import dev.chatsignal.api.ScoringGrpcService;
import dev.chatsignal.api.TopicGrpcService;
import dev.chatsignal.api.Versions;
import dev.chatsignal.ingest.IngestConfig;
import dev.chatsignal.ingest.InteractionIngestor;
import dev.chatsignal.metrics.PrometheusConventions;
import dev.chatsignal.policy.PrivacyPolicy;
import dev.chatsignal.policy.ShadowPolicy;
import dev.chatsignal.scoring.AdNoise;
import dev.chatsignal.scoring.ScoringConfig;
import dev.chatsignal.scoring.ScoringEngine;
import dev.chatsignal.store.DecayPolicy;
import dev.chatsignal.store.InMemoryStore;
import dev.chatsignal.store.LocalProfileRepository;
import dev.chatsignal.store.redis.RedisEndpoint;
import dev.chatsignal.store.redis.RedisProfileRepository;
import dev.chatsignal.store.ProfileRepository;
import dev.chatsignal.store.ProfileStore;
import dev.chatsignal.store.RocksDbStore;
import dev.chatsignal.topics.HybridClassifier;
import dev.chatsignal.topics.LexiconClassifier;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.TopicAffinity;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The only composition root: reads the configuration and builds every object with {@code new}.
 * {@link #main} runs it on Netty; tests call {@link #compose} with an in-process server builder, a
 * fixed {@link Clock} and a fake {@link Ticker}, so they run the production wiring.
 */
public final class Main {
  /**
   * A retry later than this after the first attempt counts again (Redis keeps ids this long). Rankers
   * retry within seconds to minutes; a day keeps the id keys to about a third of profile memory
   * (docs/scaling.md).
   */
  static final java.time.Duration REDIS_IDEMPOTENCY_TTL = java.time.Duration.ofDays(1);
  /** A profile untouched this long is gone: every source has decayed below use by then. */
  static final java.time.Duration REDIS_PROFILE_TTL = java.time.Duration.ofDays(400);

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(Setting.usage());
      return;
    }
    ServerConfig config;
    ChatSignalServer server;
    try {
      config = ServerConfig.from(System.getenv(), args);
      InetSocketAddress http = new InetSocketAddress(config.bind(), config.httpPort());
      server = compose(config, netty(config), http, Clock.systemUTC(), Ticker.systemTicker()).start();
    } catch (ConfigException e) {
      System.err.println("chatsignal: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // a busy port, unreadable TLS files or a locked store: say which, without a stack trace
      System.err.println("chatsignal: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.printf("chatsignal listening: grpc=%s:%d http=http://%s:%d (/metrics, /healthz) %s%n",
        config.bind(), server.grpcPort(), config.bind(), server.httpPort(), server.description());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable drain = () -> {
      System.out.println("chatsignal: draining (NOT_SERVING, finishing in-flight calls)");
      server.drain(config.drain());
      System.out.println("chatsignal: stopped");
      stopped.countDown();
    };
    Signals.onTermination(drain);
    stopped.await();
    System.exit(0);
  }

  /**
   * The Netty transport on the configured address, with TLS or mTLS when configured, and the
   * connection limits: keepalive policy, streams per connection, connection age, RST-flood defence.
   */
  static NettyServerBuilder netty(ServerConfig config) throws IOException {
    InetSocketAddress grpc = new InetSocketAddress(config.bind(), config.grpcPort());
    NettyServerBuilder netty = NettyServerBuilder.forAddress(grpc, TlsFiles.credentials(config));
    // Calls start on the transport thread, where the load shedder admits them to the application
    // executor (its ServerCallExecutorSupplier) or rejects them without queueing; see compose().
    netty.directExecutor();
    return netty
        .permitKeepAliveTime(config.positiveInt(Setting.PERMIT_KEEPALIVE_SECONDS), TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true)
        .maxConcurrentCallsPerConnection(config.positiveInt(Setting.MAX_CALLS_PER_CONNECTION))
        .maxConnectionAge(config.positiveInt(Setting.MAX_CONNECTION_AGE_SECONDS), TimeUnit.SECONDS)
        .maxConnectionAgeGrace(config.positiveInt(Setting.MAX_CONNECTION_AGE_GRACE_SECONDS), TimeUnit.SECONDS)
        .maxRstFramesPerWindow(config.positiveInt(Setting.MAX_RST_PER_WINDOW), 10);
  }

  /**
   * Builds the whole server from settings given as environment variables ({@code CHATSIGNAL_*}; absent
   * ones take their defaults). Tests use this with an in-process or Netty builder on port 0.
   *
   * @param http address of the /metrics and /healthz endpoint, or null for none
   * @throws IllegalArgumentException when a setting is invalid
   */
  public static ChatSignalServer compose(
      java.util.Map<String, String> settings, ServerBuilder<?> builder, InetSocketAddress http, Clock clock,
      Ticker ticker) {
    try {
      return compose(ServerConfig.from(settings, new String[0]), builder, http, clock, ticker);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Builds the whole server on {@code builder}.
   *
   * @param http address of the /metrics and /healthz endpoint, or null for none
   */
  static ChatSignalServer compose(
      ServerConfig config, ServerBuilder<?> builder, InetSocketAddress http, Clock clock, Ticker ticker) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new PrometheusConventions());
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    Taxonomy taxonomy = Taxonomy.loadDefault();
    TextClassifier classifier = config.hybridClassifier() ? new HybridClassifier(taxonomy)
        : new LexiconClassifier(taxonomy);
    TopicAffinity affinity = TopicAffinity.loadDefault(taxonomy);
    PrivacyPolicy policy = new PrivacyPolicy(config.policy());
    ShadowPolicy shadow = config.shadowPolicy()
        .map(candidate -> ShadowPolicy.of(policy, new PrivacyPolicy(candidate), registry))
        .orElse(ShadowPolicy.none());
    DecayPolicy decay = DecayPolicy.defaults();
    IngestConfig ingestConfig = new IngestConfig(IngestConfig.defaults().sourceWeights(),
        IngestConfig.defaults().minChatConfidence(), IngestConfig.defaults().suppression(),
        config.positiveInt(Setting.PROFILE_TOP_K));
    RequestLimits limits = new RequestLimits(config.positiveInt(Setting.MAX_INTERACTIONS),
        config.positiveInt(Setting.MAX_CANDIDATES), config.positiveInt(Setting.MAX_TEXT_CHARS),
        RequestLimits.defaults().maxTopicsPerItem());
    Versions versions = new Versions(policy.version(), taxonomy.version(),
        classifier.version() + "+" + affinity.version());

    ProfileStore store = new ProfileStore(repository(config, decay, ingestConfig.maxTopics()),
        config.cacheMaxBytes(), config.cacheTtl(), ticker, registry);
    double adNoise = config.adNoiseProbability();
    Optional<String> adminToken = config.adminToken();
    InteractionIngestor ingestor =
        new InteractionIngestor(policy, shadow, classifier, taxonomy, store, ingestConfig, clock, registry);
    ScoringEngine engine = new ScoringEngine(policy, shadow,
        AdNoise.of(adNoise, config.adNoiseKey(), taxonomy), store, decay, taxonomy, affinity,
        classifier, ScoringConfig.defaults(), clock, registry);

    ServerServiceDefinition profiles = new ProfileGrpcService(store, decay, taxonomy, limits, clock).bindService();
    if (adminToken.isPresent()) {
      profiles = ServerInterceptors.intercept(profiles, new AdminTokenInterceptor(adminToken.get()));
    }
    List<ServerServiceDefinition> services = List.of(
        RequestParsing.strict(new InteractionGrpcService(ingestor, taxonomy, limits, clock).bindService()),
        RequestParsing.strict(new ScoringGrpcService(engine, taxonomy, limits, versions).bindService()),
        RequestParsing.strict(profiles),
        RequestParsing.strict(new TopicGrpcService(taxonomy, classifier, limits).bindService()));
    MetricCollectingServerInterceptor metrics = new MetricCollectingServerInterceptor(registry);
    HealthStatusManager health = new HealthStatusManager();
    List<String> methods = new java.util.ArrayList<>();
    for (ServerServiceDefinition service : services) {
      metrics.preregisterService(service);
      builder.addService(service);
      service.getMethods().forEach(m -> methods.add(m.getMethodDescriptor().getFullMethodName()));
    }
    Executor application = applicationExecutor(config.executor());
    LoadShedder shedder = new LoadShedder(config.positiveInt(Setting.CONCURRENCY_LIMIT), registry, methods,
        application);
    // Interceptors run in reverse order of addition: metrics see every call, shed ones included.
    OpenStreams streams = new OpenStreams();
    builder.addService(ServerInterceptors.intercept(health.getHealthService(), streams))
        .addService(ProtoReflectionServiceV1.newInstance())
        .addService(reflectionV1alpha())
        .maxInboundMessageSize(config.positiveInt(Setting.MAX_MESSAGE_BYTES))
        .intercept(new DefaultDeadline(java.time.Duration.ofMillis(config.positiveInt(Setting.MAX_DEADLINE_MS))))
        .intercept(shedder)
        .intercept(metrics);
    if (builder instanceof NettyServerBuilder && application != null) {
      builder.callExecutor(shedder);
    }
    List<String> names = List.of(InteractionServiceGrpc.SERVICE_NAME, ScoringServiceGrpc.SERVICE_NAME,
        ProfileServiceGrpc.SERVICE_NAME, TopicServiceGrpc.SERVICE_NAME);
    String description = "store=" + store.describe() + " taxonomy=" + taxonomy.version() + " ("
        + taxonomy.size() + " topics) policy=" + policy.version()
        + shadow.candidate().map(c -> " shadow-policy=" + c.version()).orElse("")
        + (adNoise > 0 ? " ad-noise=" + adNoise : "")
        + " classifier=" + versions.classifier()
        + (adminToken.isPresent() ? " admin-token=on" : "")
        + (config.tlsCert().isPresent() ? (config.tlsClientCa().isPresent() ? " tls=mtls" : " tls=on") : "");
    StoreHealth storeHealth = new StoreHealth(store, health,
        List.of(InteractionServiceGrpc.SERVICE_NAME, ProfileServiceGrpc.SERVICE_NAME), registry);
    return new ChatSignalServer(builder.build(), health, streams, names, store, storeHealth, registry, http,
        description);
  }

  /**
   * Where admitted calls run: {@code fixed}, a pool of 2 threads per core; {@code default}, a cached pool
   * like grpc-java's own; {@code direct}, null (the transport threads).
   */
  static Executor applicationExecutor(String mode) {
    java.util.concurrent.ThreadFactory threads = r -> {
      Thread t = new Thread(r, "grpc-call");
      t.setDaemon(true);
      return t;
    };
    switch (mode) {
      case "direct":
        return null;
      case "fixed":
        return java.util.concurrent.Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(), threads);
      default:
        return java.util.concurrent.Executors.newCachedThreadPool(threads);
    }
  }

  @SuppressWarnings("deprecation") // v1alpha stays for grpcurl and older clients that only speak it
  private static io.grpc.BindableService reflectionV1alpha() {
    return ProtoReflectionService.newInstance();
  }

  private static ProfileRepository repository(ServerConfig config, DecayPolicy decay, int maxTopics) {
    switch (config.store()) {
      case MEMORY:
        return new LocalProfileRepository(new InMemoryStore(), decay, maxTopics);
      case REDIS:
        try {
          return new RedisProfileRepository(RedisEndpoint.parse(config.redisUri().get(), config.redisTimeout()),
              decay, maxTopics, REDIS_IDEMPOTENCY_TTL, REDIS_PROFILE_TTL);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(Setting.REDIS_URI.env() + ": " + e.getMessage());
        }
      default:
        return new LocalProfileRepository(new RocksDbStore(config.dataDir(), config.storeSync()), decay, maxTopics);
    }
  }
}
