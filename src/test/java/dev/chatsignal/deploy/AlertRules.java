package dev.chatsignal.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The alerting rules of {@code deploy/prometheus/alerts.yml}: name, expression and annotations. */
record AlertRules(List<Map<String, Object>> rules) {
  static final String FILE = "deploy/prometheus/alerts.yml";
  static final String TESTS = "deploy/prometheus/alerts_test.yml";

  static AlertRules load() throws IOException {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> group : Node.maps(DeployFiles.yaml(FILE), "groups")) {
      rules.addAll(Node.maps(group, "rules"));
    }
    return new AlertRules(rules);
  }

  List<String> names() {
    return rules.stream().map(r -> Node.str(r, "alert")).toList();
  }

  List<String> expressions() {
    return rules.stream().map(r -> Node.str(r, "expr")).toList();
  }
}
