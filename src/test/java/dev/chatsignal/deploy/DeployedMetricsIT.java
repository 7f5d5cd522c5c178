package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real jar started with the Kubernetes ConfigMap as its environment (only ports, bind address and
 * data directory changed to fit a test machine), then scraped: every metric a dashboard query or an
 * alert rule selects must be one the server really exports.
 */
class DeployedMetricsIT {
  /** Series that Prometheus itself writes for every target; no server exports them. */
  static final Set<String> SCRAPE_SERIES = Set.of("up");

  private static Path dataDir;
  private static JarProcess jar;
  private static Map<String, Object> config;
  private static ScoreCandidatesResponse personalized;
  private static Set<String> scraped;

  @BeforeAll
  static void startWithTheKubernetesConfig() throws Exception {
    config = Manifests.render("deploy/k8s/overlays/embedded").config();
    Map<String, String> env = new HashMap<>();
    config.forEach((k, v) -> env.put(k, String.valueOf(v)));
    dataDir = Files.createTempDirectory("chatsignal-deploy-it");
    env.put("CHATSIGNAL_GRPC_PORT", "0");
    env.put("CHATSIGNAL_HTTP_PORT", "0");
    env.put("CHATSIGNAL_BIND", "127.0.0.1");
    env.put("CHATSIGNAL_DATA_DIR", dataDir.toString());
    jar = JarProcess.start(env);
    personalized = Traffic.drive(jar);
    scraped = Traffic.scrapedNames(jar);
  }

  @AfterAll
  static void stop() throws Exception {
    if (jar != null) {
      jar.close();
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void kubernetesConfigMap_isAcceptedByTheRealServer_andItsPolicyVersionIsStamped() {
    assertTrue(jar.output().contains("store=rocksdb"), jar.output());
    assertEquals(config.get("CHATSIGNAL_POLICY_VERSION"), personalized.getPolicyVersion());
    assertTrue(personalized.getPersonalized(), "the default region list personalizes the US");
  }

  @Test
  void everyDashboardMetric_isInARealScrape() throws Exception {
    assertExported(Dashboard.load().expressions(), "dashboard");
  }

  @Test
  void everyAlertMetric_isInARealScrape() throws Exception {
    assertExported(AlertRules.load().expressions(), "alerts.yml");
  }

  private static void assertExported(List<String> expressions, String source) {
    Set<String> used = new TreeSet<>();
    expressions.forEach(e -> used.addAll(PromQlMetricNames.of(e)));
    assertTrue(used.size() > 5, "found the metric names in " + source + ": " + used);
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(scraped);
    missing.removeAll(SCRAPE_SERIES);
    assertEquals(Set.of(), missing, source + " uses metrics the server does not export; scrape has " + scraped);
  }
}
