package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's structure: the panels an on-call engineer needs, every query on the selectable
 * Prometheus datasource and the chatsignal job. That each metric exists is DeployedMetricsIT's job.
 */
class GrafanaDashboardTest {

  @Test
  void dashboard_hasThePanelsTheRunbookRefersTo() throws Exception {
    Map<String, Set<String>> required = Map.of(
        "Requests per second by method and status", Set.of("grpc_server_processing_duration_seconds_count"),
        "p99 latency by method", Set.of("grpc_server_processing_duration_seconds_bucket"),
        "Scoring decisions by reason", Set.of("chatsignal_scoring_decisions_total"),
        "Scoring decisions by surface", Set.of("chatsignal_scoring_decisions_total"),
        "Sensitive withholdings by category", Set.of("chatsignal_sensitive_withheld_total"),
        "Ingest outcomes by kind", Set.of("chatsignal_ingest_interactions_total"),
        "Cache hit rate", Set.of("cache_gets_total"),
        "Heap used vs max", Set.of("jvm_memory_used_bytes", "jvm_memory_max_bytes"),
        "GC pause time per second", Set.of("jvm_gc_pause_seconds_sum"),
        "Shed calls by method", Set.of("chatsignal_calls_shed_total"));
    Dashboard dashboard = Dashboard.load();
    required.forEach((title, metrics) -> {
      Map<String, Object> panel = dashboard.panels().stream().filter(p -> title.equals(p.get("title")))
          .findFirst().orElseThrow(() -> new AssertionError("no panel titled " + title));
      Set<String> used = new TreeSet<>();
      Node.maps(panel, "targets").forEach(t -> used.addAll(PromQlMetricNames.of(Node.str(t, "expr"))));
      assertTrue(used.containsAll(metrics), title + " queries " + metrics + ", not only " + used);
    });
  }

  @Test
  void everyQuery_usesTheDatasourceVariable_andSelectsTheChatsignalJob() throws Exception {
    Dashboard dashboard = Dashboard.load();
    Map<String, Object> variable = Node.maps(dashboard.json(), "templating.list").get(0);
    assertEquals("datasource", variable.get("type"));
    assertEquals("prometheus", variable.get("query"));
    for (Map<String, Object> panel : dashboard.panels()) {
      for (Map<String, Object> target : Node.maps(panel, "targets")) {
        assertEquals("${datasource}", Node.str(target, "datasource.uid"), Node.str(panel, "title"));
        String expr = Node.str(target, "expr");
        for (String metric : PromQlMetricNames.of(expr)) {
          assertTrue(expr.matches("(?s).*\\b" + metric + "\\{[^}]*job=\"chatsignal\".*"),
              panel.get("title") + ": " + metric + " without job=\"chatsignal\" in " + expr);
        }
      }
    }
  }

  @Test
  void panels_haveUniqueIds_andDoNotOverlap() throws Exception {
    Set<Object> ids = new HashSet<>();
    Set<String> cells = new HashSet<>();
    for (Map<String, Object> panel : Node.maps(Dashboard.load().json(), "panels")) {
      assertTrue(ids.add(panel.get("id")), "duplicate panel id " + panel.get("id"));
      int x = Node.integer(panel, "gridPos.x");
      int y = Node.integer(panel, "gridPos.y");
      int w = Node.integer(panel, "gridPos.w");
      int h = Node.integer(panel, "gridPos.h");
      assertTrue(x >= 0 && x + w <= 24, panel.get("title") + " fits the 24-column grid");
      for (int i = x; i < x + w; i++) {
        for (int j = y; j < y + h; j++) {
          assertTrue(cells.add(i + ":" + j), panel.get("title") + " overlaps another panel at " + i + "," + j);
        }
      }
    }
    assertFalse(ids.isEmpty());
    assertEquals(List.of(), Dashboard.load().panels().stream()
        .filter(p -> Node.maps(p, "targets").isEmpty()).map(p -> p.get("title")).toList(), "panels without queries");
  }
}
