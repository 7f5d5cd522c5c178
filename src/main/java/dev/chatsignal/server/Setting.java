package dev.chatsignal.server;

import dev.chatsignal.policy.AgeOfMajority;
import dev.chatsignal.policy.PolicyConfig;
import java.util.Locale;

/**
 * Every configuration setting: its environment variable, its command-line flag (the variable without
 * the {@code CHATSIGNAL_} prefix, lowercase, dashes: {@code --grpc-port}), its default and its meaning.
 */
enum Setting {
  GRPC_PORT("50051", "gRPC port (0 = any free port)"),
  HTTP_PORT("9464", "HTTP port for /metrics and /healthz (0 = any free port)"),
  BIND("127.0.0.1", "address both ports bind to (0.0.0.0 in a container)"),
  DATA_DIR("./data", "directory of the embedded store"),
  STORE("rocksdb", "profile store: rocksdb | redis | memory (memory is not durable)"),
  STORE_SYNC("true", "fsync every acknowledged ingest batch (false: survives a process crash, not a power loss)"),
  REDIS_URI("", "redis:// or rediss:// URI; several comma-separated nodes mean Redis Cluster"),
  REDIS_TIMEOUT_MS("500", "Redis command timeout; past it a write fails (UNAVAILABLE) and scoring falls back"),
  CACHE_TTL_MS("", "how long a cached profile may be served without re-reading the store (default: 1000 with redis,"
      + " unlimited otherwise); bounds staleness when an invalidation message is lost"),
  TLS_CERT("", "PEM certificate chain: turns on TLS"),
  TLS_KEY("", "PEM private key (PKCS#8) for TLS_CERT"),
  TLS_CLIENT_CA("", "PEM CA bundle: requires client certificates signed by it (mTLS)"),
  ADMIN_TOKEN("", "when set, ProfileService needs 'authorization: Bearer <token>'"),
  CLASSIFIER("hybrid", "chat classifier: hybrid (lexicon + in-process sentence model, best recall) | lexicon"
      + " (microseconds per turn, lower recall)"),
  CACHE_MAX_BYTES("268435456", "profile cache bound, in estimated bytes"),
  MAX_CANDIDATES("2000", "candidates per ScoreCandidates call"),
  MAX_INTERACTIONS("1000", "interactions per IngestInteractions call"),
  MAX_TEXT_CHARS("4000", "characters per chat turn, candidate or context text"),
  PROFILE_TOP_K("64", "topics kept per profile"),
  MAX_MESSAGE_BYTES("1048576", "largest inbound request; larger ones are RESOURCE_EXHAUSTED"),
  MAX_DEADLINE_MS("10000", "deadline given to calls that arrive without one; work stops when it passes"),
  MAX_CALLS_PER_CONNECTION("256", "concurrent calls (HTTP/2 streams) per client connection"),
  PERMIT_KEEPALIVE_SECONDS("20", "clients pinging more often than this are disconnected (too_many_pings)"),
  MAX_CONNECTION_AGE_SECONDS("1800", "connections are closed gracefully after this long, to rebalance load"),
  MAX_CONNECTION_AGE_GRACE_SECONDS("30", "how long calls may continue on a connection past its maximum age"),
  MAX_RST_PER_WINDOW("200", "RST_STREAM frames a client may send per 10 s window (HTTP/2 rapid-reset defence)"),
  CONCURRENCY_LIMIT("256", "upper bound of the adaptive concurrency limit; calls above the limit are shed"
      + " with RESOURCE_EXHAUSTED"),
  EXECUTOR("fixed", "where calls run: fixed (a pool of 2 threads per core; grpc-java's advice and the fastest"
      + " measured), default (grpc-java's cached pool), direct (on the transport threads; docs/performance.md)"),
  TLS_RELOAD_SECONDS("60", "how often the TLS certificate, key and client CA files are re-read"),
  DRAIN_SECONDS("20", "on SIGTERM, how long in-flight calls may take before they are cancelled"),
  EXCLUDED_REGIONS("", "comma-separated ISO codes replacing the default excluded regions (EU/EEA, GB, KR)"),
  EFFECTIVE_DATE(PolicyConfig.DEFAULT_EFFECTIVE_DATE.toString(), "chats before this instant are never used"),
  POLICY_VERSION(PolicyConfig.DEFAULT_VERSION, "policy version stamped on every response"),
  AGE_OF_MAJORITY(AgeOfMajority.DEFAULT_TABLE, "age below which a user with a known"
      + " age_years is a minor for ads, by country: CODE=age entries, * for the rest (docs/policy.md cites each)"),
  SENSITIVE_CATEGORIES("", "comma-separated sensitive categories that withhold a chat and make a context sensitive"
      + " (health, religion_or_belief, political_opinion, sex_life_or_orientation, racial_or_ethnic_origin,"
      + " trade_union_membership, biometric, genetic); unset = all eight"),
  SHADOW_POLICY_VERSION("", "when set, a candidate policy with this version runs in shadow: responses keep the"
      + " enforced policy, chatsignal_shadow_* metrics count where the candidate would differ"),
  SHADOW_EXCLUDED_REGIONS("", "the candidate's excluded regions (unset: the enforced ones)"),
  SHADOW_EFFECTIVE_DATE("", "the candidate's effective date (unset: the enforced one)"),
  SHADOW_SENSITIVE_CATEGORIES("", "the candidate's sensitive categories (unset: the enforced ones)"),
  SHADOW_AGE_OF_MAJORITY("", "the candidate's age-of-majority table (unset: the enforced one)"),
  AD_NOISE_PROBABILITY("0", "privacy noise on ads: probability that a user's top ad topic is replaced by a random"
      + " non-sensitive topic for the week (0 = off; the Topics API uses 0.05)"),
  AD_NOISE_KEY("", "secret (at least 16 characters, the same on every replica) that keys the weekly noise draw;"
      + " required when AD_NOISE_PROBABILITY > 0");

  private final String defaultValue;
  private final String help;

  Setting(String defaultValue, String help) {
    this.defaultValue = defaultValue;
    this.help = help;
  }

  String env() {
    return "CHATSIGNAL_" + name();
  }

  String flag() {
    return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  String defaultValue() {
    return defaultValue;
  }

  String help() {
    return help;
  }

  static String usage() {
    StringBuilder out = new StringBuilder("Usage: java -jar chatsignal.jar [--flag=value ...]\n"
        + "Each setting is an environment variable or a flag (the flag wins):\n");
    for (Setting s : values()) {
      out.append(String.format(Locale.ROOT, "  %-28s %-20s %s (default: %s)%n",
          s.env(), s.flag(), s.help(), s.defaultValue.isEmpty() ? "unset" : s.defaultValue));
    }
    return out.toString();
  }
}
