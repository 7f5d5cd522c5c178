package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/operations.md keeps up with the alerts, the settings and the dashboard it refers to. */
class OperationsRunbookTest {
  private static final String DOC = "docs/operations.md";

  @Test
  void everyAlert_hasARunbookSection_sayingWhatItMeansWhatToCheckAndWhatToDo() throws Exception {
    String doc = DeployFiles.text(DOC);
    List<String> sections = List.of(doc.split("(?m)^### "));
    for (String alert : AlertRules.load().names()) {
      String section = sections.stream().filter(s -> s.startsWith(alert + "\n")).findFirst()
          .orElseThrow(() -> new AssertionError(DOC + " has no '### " + alert + "' section"));
      for (String part : List.of("**What it means.**", "**What to check.**", "**What to do.**")) {
        assertTrue(section.contains(part), alert + " runbook lacks " + part);
      }
    }
  }

  @Test
  void configurationTable_listsEverySetting_withItsDefault() throws Exception {
    String doc = DeployFiles.text(DOC);
    Map<String, Object> config = Node.map(DeployFiles.yaml("deploy/k8s/base/configmap.yaml"), "data");
    List<String> missing = new ArrayList<>();
    for (String setting : ServerSettings.envNames()) {
      if (!doc.contains("| `" + setting + "` |")) {
        missing.add(setting);
      }
    }
    assertEquals(List.of(), missing, "settings missing from the configuration table");
    for (String setting : List.of("CHATSIGNAL_DRAIN_SECONDS", "CHATSIGNAL_POLICY_VERSION", "CHATSIGNAL_GRPC_PORT")) {
      assertTrue(doc.contains("| `" + setting + "` | " + config.get(setting) + " |"),
          setting + " default in the table matches the ConfigMap");
    }
  }

  @Test
  void panelsNamedInTheRunbook_existOnTheDashboard() throws Exception {
    String doc = DeployFiles.text(DOC);
    Set<String> titles = new TreeSet<>();
    Dashboard.load().panels().forEach(p -> titles.add(Node.str(p, "title")));
    Set<String> named = new TreeSet<>();
    var m = java.util.regex.Pattern.compile("\"([A-Z][a-z][^\"{}]+)\"").matcher(doc);
    while (m.find()) {
      named.add(m.group(1).replaceAll("\\s+", " "));
    }
    assertTrue(named.size() >= 8, "the runbook points at dashboard panels: " + named);
    named.removeAll(titles);
    assertEquals(Set.of(), named, "quoted panel names that are not on the dashboard");
  }
}
