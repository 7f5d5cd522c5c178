package dev.chatsignal.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Grafana dashboard {@code deploy/grafana/dashboards/chatsignal.json}: its panels and queries. */
record Dashboard(Map<String, Object> json) {
  static final String FILE = "deploy/grafana/dashboards/chatsignal.json";

  static Dashboard load() throws IOException {
    return new Dashboard(DeployFiles.yaml(FILE));
  }

  /** Every panel that shows data (rows left out, panels inside collapsed rows included). */
  List<Map<String, Object>> panels() {
    List<Map<String, Object>> panels = new ArrayList<>();
    for (Map<String, Object> p : Node.maps(json, "panels")) {
      if ("row".equals(p.get("type"))) {
        panels.addAll(p.containsKey("panels") ? Node.maps(p, "panels") : List.of());
      } else {
        panels.add(p);
      }
    }
    return panels;
  }

  List<String> expressions() {
    List<String> exprs = new ArrayList<>();
    for (Map<String, Object> panel : panels()) {
      for (Map<String, Object> target : Node.maps(panel, "targets")) {
        exprs.add(Node.str(target, "expr"));
      }
    }
    return exprs;
  }
}
