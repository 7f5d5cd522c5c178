package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chatsignal.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/prometheus as shipped, run by the real prometheus binary against the real jar: only the
 * target address (and, to stay fast, the intervals) are rewritten in a temporary copy. chatsignal series
 * must arrive, and every alert rule must load and evaluate without error.
 */
class PrometheusScrapeIT {
  private static final Duration DEADLINE = Duration.ofSeconds(40);

  @TempDir
  Path dir;

  @Test
  void prometheus_scrapesChatsignal_andEvaluatesEveryAlertRuleWithoutError() throws Exception {
    try (JarProcess jar = JarProcess.start(Map.of("CHATSIGNAL_STORE", "memory"))) {
      Traffic.drive(jar);
      writeConfig(jar.httpPort);
      try (PrometheusProcess prometheus = PrometheusProcess.start(dir)) {
        List<Map<String, Object>> decisions = Deadline.await(DEADLINE, "chatsignal series in Prometheus", () -> {
          var r = prometheus.query("chatsignal_scoring_decisions_total{job=\"chatsignal\", reason=\"personalized\", surface=\"ads\"} > 0");
          return r.isEmpty() ? Optional.empty() : Optional.of(r);
        });
        assertEquals(1, decisions.size(), decisions.toString());
        assertEquals("1", String.valueOf(Node.list(prometheus.query("up{job=\"chatsignal\"}").get(0), "value").get(1)));
        assertNotEquals(List.of(), prometheus.query("cache_gets_total{job=\"chatsignal\", cache=\"profiles\"}"));
        assertNotEquals(List.of(), prometheus.query("jvm_memory_used_bytes{job=\"chatsignal\", area=\"heap\"}"));
        Set<String> healthy = Deadline.await(DEADLINE, "every rule evaluated", () -> evaluatedRules(prometheus));
        assertEquals(new TreeSet<>(AlertRules.load().names()), healthy);
      }
    }
  }

  /** The rule names once every rule has been evaluated with health "ok"; fails at the first "err". */
  private static Optional<Set<String>> evaluatedRules(PrometheusProcess prometheus) throws Exception {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> group : Node.maps(prometheus.api("/api/v1/rules?type=alert"), "groups")) {
      for (Map<String, Object> rule : Node.maps(group, "rules")) {
        String health = Node.str(rule, "health");
        if ("err".equals(health)) {
          throw new AssertionError(rule.get("name") + " fails to evaluate: " + rule.get("lastError"));
        }
        if (!"ok".equals(health)) {
          return Optional.empty();
        }
        names.add(Node.str(rule, "name"));
      }
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }

  /** Copies deploy/prometheus into the temp dir, pointed at the jar and with 1 s intervals. */
  private void writeConfig(int httpPort) throws Exception {
    String config = DeployFiles.text("deploy/prometheus/prometheus.yml");
    String rewritten = config.replace("\"chatsignal:9464\"", "\"127.0.0.1:" + httpPort + "\"")
        .replace("scrape_interval: 15s", "scrape_interval: 1s")
        .replace("evaluation_interval: 15s", "evaluation_interval: 1s");
    assertEquals(3, countChanges(config, rewritten), "the shipped config changed shape: update this rewrite");
    Files.writeString(dir.resolve("prometheus.yml"), rewritten);
    Files.copy(DeployFiles.path(AlertRules.FILE), dir.resolve("alerts.yml"));
  }

  private static int countChanges(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    int changed = 0;
    for (int i = 0; i < a.size(); i++) {
      changed += a.get(i).equals(b.get(i)) ? 0 : 1;
    }
    return changed;
  }
}
