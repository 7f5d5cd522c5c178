package dev.chatsignal.server;

import dev.chatsignal.policy.AgeOfMajority;
import dev.chatsignal.policy.PolicyConfig;
import dev.chatsignal.topics.SensitiveCategory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's configuration, read once in {@link Main} from the environment and flags; nothing else
 * reads the environment. Invalid values fail startup with a {@link ConfigException} naming the setting.
 */
record ServerConfig(Map<Setting, String> values) {
  enum StoreKind { ROCKSDB, REDIS, MEMORY }

  ServerConfig {
    values = Map.copyOf(values);
  }

  /** Defaults, overridden by the environment, overridden by {@code --flag=value} or {@code --flag value}. */
  static ServerConfig from(Map<String, String> env, String[] args) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      values.put(s, env.getOrDefault(s.env(), s.defaultValue()));
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      String value = eq > 0 ? arg.substring(eq + 1) : null;
      Setting setting = Arrays.stream(Setting.values()).filter(s -> s.flag().equals(name)).findFirst()
          .orElseThrow(() -> new ConfigException("unknown flag " + name + "\n" + Setting.usage()));
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new ConfigException(name + ": missing value");
        }
        value = args[++i];
      }
      values.put(setting, value);
    }
    ServerConfig config = new ServerConfig(values);
    config.validate();
    return config;
  }

  static ServerConfig defaults() {
    return from(Map.of(), new String[0]);
  }

  /** A copy with some settings replaced (tests). */
  ServerConfig with(Setting setting, String value) {
    Map<Setting, String> copy = new EnumMap<>(values);
    copy.put(setting, value);
    ServerConfig config = new ServerConfig(copy);
    config.validate();
    return config;
  }

  private void validate() {
    grpcPort();
    httpPort();
    store();
    cacheMaxBytes();
    policy();
    shadowPolicy();
    adNoiseProbability();
    drain();
    for (Setting s : EnumSet.of(Setting.MAX_CANDIDATES, Setting.MAX_INTERACTIONS, Setting.MAX_TEXT_CHARS,
        Setting.PROFILE_TOP_K, Setting.MAX_MESSAGE_BYTES, Setting.MAX_DEADLINE_MS, Setting.MAX_CALLS_PER_CONNECTION,
        Setting.PERMIT_KEEPALIVE_SECONDS, Setting.MAX_CONNECTION_AGE_SECONDS,
        Setting.MAX_CONNECTION_AGE_GRACE_SECONDS, Setting.MAX_RST_PER_WINDOW, Setting.CONCURRENCY_LIMIT,
        Setting.TLS_RELOAD_SECONDS)) {
      positiveInt(s);
    }
    redisTimeout();
    cacheTtl();
    hybridClassifier();
    executor();
    if (store() == StoreKind.REDIS && redisUri().isEmpty()) {
      throw new ConfigException(Setting.STORE.env() + "=redis needs " + Setting.REDIS_URI.env());
    }
    if (tlsCert().isPresent() != tlsKey().isPresent()) {
      throw new ConfigException(Setting.TLS_CERT.env() + " and " + Setting.TLS_KEY.env() + " must be set together");
    }
    if (tlsClientCa().isPresent() && tlsCert().isEmpty()) {
      throw new ConfigException(Setting.TLS_CLIENT_CA.env() + " needs " + Setting.TLS_CERT.env());
    }
  }

  private String raw(Setting s) {
    return values.get(s).strip();
  }

  private Optional<String> optional(Setting s) {
    return raw(s).isEmpty() ? Optional.empty() : Optional.of(raw(s));
  }

  int grpcPort() {
    return port(Setting.GRPC_PORT);
  }

  int httpPort() {
    return port(Setting.HTTP_PORT);
  }

  String bind() {
    return raw(Setting.BIND);
  }

  Path dataDir() {
    return Path.of(raw(Setting.DATA_DIR));
  }

  StoreKind store() {
    try {
      return StoreKind.valueOf(raw(Setting.STORE).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Setting.STORE.env() + ": '" + raw(Setting.STORE) + "' (expected: rocksdb, redis or memory)");
    }
  }

  /** True for the hybrid classifier (the default), false for the lexicon alone. */
  boolean hybridClassifier() {
    String value = raw(Setting.CLASSIFIER).toLowerCase(Locale.ROOT);
    if (!value.equals("hybrid") && !value.equals("lexicon")) {
      throw new ConfigException(Setting.CLASSIFIER.env() + ": '" + value + "' (expected: hybrid or lexicon)");
    }
    return value.equals("hybrid");
  }

  /** default, fixed or direct: see {@link Setting#EXECUTOR}. */
  String executor() {
    String value = raw(Setting.EXECUTOR).toLowerCase(Locale.ROOT);
    if (!value.equals("default") && !value.equals("fixed") && !value.equals("direct")) {
      throw new ConfigException(Setting.EXECUTOR.env() + ": '" + value + "' (expected: default, fixed or direct)");
    }
    return value;
  }

  boolean storeSync() {
    return Boolean.parseBoolean(raw(Setting.STORE_SYNC));
  }

  Optional<String> redisUri() {
    return optional(Setting.REDIS_URI);
  }

  java.time.Duration redisTimeout() {
    return java.time.Duration.ofMillis(positiveInt(Setting.REDIS_TIMEOUT_MS));
  }

  /** The cache lifetime: explicit, else 1 s for Redis (shared by replicas) and unlimited for local stores. */
  java.time.Duration cacheTtl() {
    if (raw(Setting.CACHE_TTL_MS).isEmpty()) {
      return store() == StoreKind.REDIS ? java.time.Duration.ofSeconds(1) : java.time.Duration.ZERO;
    }
    try {
      long ms = Long.parseLong(raw(Setting.CACHE_TTL_MS));
      if (ms < 0) {
        throw new NumberFormatException();
      }
      return java.time.Duration.ofMillis(ms);
    } catch (NumberFormatException e) {
      throw new ConfigException(Setting.CACHE_TTL_MS.env() + ": '" + raw(Setting.CACHE_TTL_MS)
          + "' (expected: milliseconds >= 0, 0 = unlimited)");
    }
  }

  Optional<Path> tlsCert() {
    return optional(Setting.TLS_CERT).map(Path::of);
  }

  Optional<Path> tlsKey() {
    return optional(Setting.TLS_KEY).map(Path::of);
  }

  Optional<Path> tlsClientCa() {
    return optional(Setting.TLS_CLIENT_CA).map(Path::of);
  }

  Optional<String> adminToken() {
    return optional(Setting.ADMIN_TOKEN);
  }

  long cacheMaxBytes() {
    try {
      long v = Long.parseLong(raw(Setting.CACHE_MAX_BYTES));
      if (v < 1024) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(Setting.CACHE_MAX_BYTES.env() + ": '" + raw(Setting.CACHE_MAX_BYTES)
          + "' (expected: bytes >= 1024)");
    }
  }

  int positiveInt(Setting s) {
    try {
      int v = Integer.parseInt(raw(s));
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(s.env() + ": '" + raw(s) + "' (expected: an integer >= 1)");
    }
  }

  Duration drain() {
    return Duration.ofSeconds(positiveInt(Setting.DRAIN_SECONDS));
  }

  PolicyConfig policy() {
    PolicyConfig defaults = PolicyConfig.defaults();
    return policy(raw(Setting.POLICY_VERSION), defaults.excludedRegions(), Setting.EXCLUDED_REGIONS,
        Setting.EFFECTIVE_DATE, raw(Setting.EFFECTIVE_DATE), Setting.SENSITIVE_CATEGORIES,
        EnumSet.allOf(SensitiveCategory.class), Setting.AGE_OF_MAJORITY, raw(Setting.AGE_OF_MAJORITY));
  }

  /** The candidate policy to run in shadow: the enforced one with the SHADOW_* settings that are set. */
  Optional<PolicyConfig> shadowPolicy() {
    if (raw(Setting.SHADOW_POLICY_VERSION).isEmpty()) {
      return Optional.empty();
    }
    PolicyConfig enforced = policy();
    if (raw(Setting.SHADOW_POLICY_VERSION).equals(enforced.version())) {
      throw new ConfigException(Setting.SHADOW_POLICY_VERSION.env() + ": '" + raw(Setting.SHADOW_POLICY_VERSION)
          + "' (expected: different from " + Setting.POLICY_VERSION.env() + ")");
    }
    String date = optional(Setting.SHADOW_EFFECTIVE_DATE).orElse(raw(Setting.EFFECTIVE_DATE));
    String ages = optional(Setting.SHADOW_AGE_OF_MAJORITY).orElse(raw(Setting.AGE_OF_MAJORITY));
    return Optional.of(policy(raw(Setting.SHADOW_POLICY_VERSION), enforced.excludedRegions(),
        Setting.SHADOW_EXCLUDED_REGIONS, Setting.SHADOW_EFFECTIVE_DATE, date, Setting.SHADOW_SENSITIVE_CATEGORIES,
        enforced.sensitiveCategories(), Setting.SHADOW_AGE_OF_MAJORITY, ages));
  }

  private PolicyConfig policy(String version, Set<String> baseRegions, Setting regionSetting, Setting dateSetting,
      String date, Setting categorySetting, Set<SensitiveCategory> baseCategories, Setting ageSetting, String ages) {
    Set<String> regions = baseRegions;
    if (!raw(regionSetting).isEmpty()) {
      regions = new LinkedHashSet<>();
      for (String code : raw(regionSetting).split(",")) {
        regions.add(code.strip().toUpperCase(Locale.ROOT));
      }
    }
    Instant effective;
    try {
      effective = Instant.parse(date);
    } catch (DateTimeParseException e) {
      throw new ConfigException(dateSetting.env() + ": '" + date
          + "' (expected: an ISO-8601 instant such as 2025-12-16T00:00:00Z)");
    }
    Set<SensitiveCategory> categories = baseCategories;
    if (!raw(categorySetting).isEmpty()) {
      categories = EnumSet.noneOf(SensitiveCategory.class);
      for (String name : raw(categorySetting).split(",")) {
        String tag = name.strip().toLowerCase(Locale.ROOT);
        categories.add(Arrays.stream(SensitiveCategory.values()).filter(c -> c.tag().equals(tag)).findFirst()
            .orElseThrow(() -> new ConfigException(categorySetting.env() + ": '" + tag + "' (expected: one of "
                + Arrays.stream(SensitiveCategory.values()).map(SensitiveCategory::tag).toList() + ")")));
      }
    }
    AgeOfMajority ageOfMajority;
    try {
      ageOfMajority = AgeOfMajority.parse(ages);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ageSetting.env() + ": " + e.getMessage());
    }
    try {
      new dev.chatsignal.policy.RegionPolicy(regions, PolicyConfig.defaults().regionAliases());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(regionSetting.env() + ": " + e.getMessage());
    }
    try {
      return new PolicyConfig(version, regions, PolicyConfig.defaults().regionAliases(), effective, categories,
          ageOfMajority);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("policy " + version + ": " + e.getMessage());
    }
  }

  /** Privacy-noise settings for ads: the probability, and the key when it is above 0. */
  double adNoiseProbability() {
    try {
      double p = Double.parseDouble(raw(Setting.AD_NOISE_PROBABILITY));
      if (!(p >= 0 && p <= 1)) {
        throw new NumberFormatException();
      }
      if (p > 0 && raw(Setting.AD_NOISE_KEY).length() < 16) {
        throw new ConfigException(Setting.AD_NOISE_KEY.env() + ": " + raw(Setting.AD_NOISE_KEY).length()
            + " characters (expected: at least 16 when " + Setting.AD_NOISE_PROBABILITY.env() + " > 0)");
      }
      return p;
    } catch (NumberFormatException e) {
      throw new ConfigException(Setting.AD_NOISE_PROBABILITY.env() + ": '" + raw(Setting.AD_NOISE_PROBABILITY)
          + "' (expected: a probability 0..1)");
    }
  }

  byte[] adNoiseKey() {
    return raw(Setting.AD_NOISE_KEY).getBytes(StandardCharsets.UTF_8);
  }

  private int port(Setting s) {
    try {
      int port = Integer.parseInt(raw(s));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException(s.env() + ": '" + raw(s) + "' (expected: a port 0..65535)");
    }
  }
}
