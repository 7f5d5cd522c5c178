package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.Tool;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus files against the real promtool: the config and the rules are valid, and the unit
 * tests in alerts_test.yml pass and make every alert fire at least once.
 */
class PrometheusRulesTest {

  @Test
  void scrapeConfig_isValid_andLoadsTheAlertRules() throws Exception {
    Tool.Result r = Tool.run(null, Tool.onPath("promtool"), "check", "config", "deploy/prometheus/prometheus.yml");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("SUCCESS: 1 rule files found"), r.output());
    Map<String, Object> config = DeployFiles.yaml("deploy/prometheus/prometheus.yml");
    assertEquals(List.of("alerts.yml"), Node.list(config, "rule_files"));
    List<Map<String, Object>> jobs = Node.maps(config, "scrape_configs");
    assertEquals("chatsignal", Node.str(jobs.get(0), "job_name"), "every rule selects job=\"chatsignal\"");
  }

  @Test
  void alertRules_passPromtoolCheck() throws Exception {
    Tool.Result r = Tool.run(null, Tool.onPath("promtool"), "check", "rules", AlertRules.FILE);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("SUCCESS: " + AlertRules.load().names().size() + " rules found"), r.output());
  }

  @Test
  void alertUnitTests_passPromtoolTest() throws Exception {
    Tool.Result r = Tool.run(null, Tool.onPath("promtool"), "test", "rules", AlertRules.TESTS);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("SUCCESS"), r.output());
  }

  @Test
  void everyAlert_hasAUnitTestWhereItFires() throws Exception {
    Set<String> firing = new TreeSet<>();
    for (Map<String, Object> test : Node.maps(DeployFiles.yaml(AlertRules.TESTS), "tests")) {
      for (Map<String, Object> check : Node.maps(test, "alert_rule_test")) {
        if (!Node.list(check, "exp_alerts").isEmpty()) {
          firing.add(Node.str(check, "alertname"));
        }
      }
    }
    assertEquals(new TreeSet<>(AlertRules.load().names()), firing);
  }

  @Test
  void everyAlert_hasSeverity_summary_andARunbookAnchor() throws Exception {
    Set<String> severities = Set.of("page", "ticket");
    for (Map<String, Object> rule : AlertRules.load().rules()) {
      String name = Node.str(rule, "alert");
      assertTrue(name.startsWith("Chatsignal"), name);
      assertTrue(severities.contains(Node.str(rule, "labels.severity")), name);
      assertTrue(!Node.str(rule, "annotations.summary").isBlank(), name);
      assertEquals("docs/operations.md#" + name.toLowerCase(java.util.Locale.ROOT),
          Node.str(rule, "annotations.runbook"), name);
    }
  }
}
