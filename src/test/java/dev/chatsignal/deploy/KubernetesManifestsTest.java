package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each Kustomize overlay with kubectl and checks what would be applied: probes on the gRPC port
 * the ConfigMap configures, consistent ports, a grace period that covers preStop plus the drain, every
 * server setting configured, and the store wiring of each overlay.
 */
class KubernetesManifestsTest {
  private static final String REDIS = "deploy/k8s/overlays/redis";
  private static final String EMBEDDED = "deploy/k8s/overlays/embedded";
  /** Settings that hold credentials come from Secrets, never from the ConfigMap. */
  private static final Set<String> SECRET_SETTINGS = Set.of("CHATSIGNAL_REDIS_URI", "CHATSIGNAL_ADMIN_TOKEN");
  /** Seconds between the end of the drain and SIGKILL, for the JVM to close the store and exit. */
  private static final int EXIT_MARGIN_SECONDS = 5;

  @ParameterizedTest
  @ValueSource(strings = {REDIS, EMBEDDED})
  void everyObject_hasApiVersionKindAndName(String overlay) throws Exception {
    Manifests m = Manifests.render(overlay);
    assertFalse(m.objects().isEmpty());
    for (Map<String, Object> o : m.objects()) {
      assertNotNull(o.get("apiVersion"), o.toString());
      assertNotNull(o.get("kind"), o.toString());
      assertFalse(Node.str(o, "metadata.name").isBlank(), o.toString());
    }
    Set<String> kinds = new TreeSet<>();
    m.objects().forEach(o -> kinds.add((String) o.get("kind")));
    assertTrue(kinds.containsAll(List.of("ConfigMap", "Service", "PodDisruptionBudget")), kinds.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {REDIS, EMBEDDED})
  void probes_areGrpcHealthChecks_onTheConfiguredGrpcPort(String overlay) throws Exception {
    Manifests m = Manifests.render(overlay);
    int grpcPort = Integer.parseInt((String) m.config().get("CHATSIGNAL_GRPC_PORT"));
    assertEquals(grpcPort, containerPort(m, "grpc"));
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      Map<String, Object> grpc = Node.map(m.container(), probe + ".grpc");
      assertEquals(grpcPort, Node.integer(grpc, "port"), probe);
      String service = grpc.getOrDefault("service", "").toString();
      assertTrue(service.isEmpty() || service.matches("chatsignal\\.v1\\.[A-Za-z]+Service"),
          probe + " asks health for a service it knows: " + service);
    }
    assertEquals("chatsignal.v1.ScoringService", Node.str(m.container(), "readinessProbe.grpc.service"),
        "readiness follows the service that rankers call");
  }

  @ParameterizedTest
  @ValueSource(strings = {REDIS, EMBEDDED})
  void ports_agreeBetweenConfigContainerServicesAndScrapeAnnotation(String overlay) throws Exception {
    Manifests m = Manifests.render(overlay);
    Map<String, Object> config = m.config();
    assertEquals("0.0.0.0", config.get("CHATSIGNAL_BIND"), "a pod must listen beyond its loopback");
    int httpPort = Integer.parseInt((String) config.get("CHATSIGNAL_HTTP_PORT"));
    assertEquals(httpPort, containerPort(m, "http-metrics"));
    assertEquals(String.valueOf(httpPort), annotation(m, "prometheus.io/port"), "scrape annotation");
    Set<String> containerPortNames = new HashSet<>();
    Node.maps(m.container(), "ports").forEach(p -> containerPortNames.add((String) p.get("name")));
    for (Map<String, Object> service : m.all("Service")) {
      for (Map<String, Object> port : Node.maps(service, "spec.ports")) {
        assertTrue(containerPortNames.contains(String.valueOf(port.get("targetPort"))),
            Node.str(service, "metadata.name") + " targets a named container port: " + port);
        if ("grpc".equals(port.get("name"))) {
          assertEquals("kubernetes.io/h2c", port.get("appProtocol"), "gRPC is HTTP/2 cleartext");
          assertEquals(containerPort(m, "grpc"), Node.integer(port, "port"));
        }
      }
    }
    assertTrue(m.all("Service").stream().anyMatch(s -> Node.maps(s, "spec.ports").stream()
        .anyMatch(p -> "grpc".equals(p.get("name")))), "a Service exposes the port named grpc");
  }

  @ParameterizedTest
  @ValueSource(strings = {REDIS, EMBEDDED})
  void terminationGracePeriod_coversPreStopPlusDrainPlusExit(String overlay) throws Exception {
    Manifests m = Manifests.render(overlay);
    int drain = Integer.parseInt((String) m.config().get("CHATSIGNAL_DRAIN_SECONDS"));
    List<Object> preStop = Node.list(m.container(), "lifecycle.preStop.exec.command");
    assertEquals("sleep", preStop.get(0), "preStop waits for endpoints to drop the pod before SIGTERM");
    int preStopSeconds = Integer.parseInt(String.valueOf(preStop.get(1)));
    assertTrue(preStopSeconds >= 3, "preStop sleep of " + preStopSeconds + " s is too short for endpoint propagation");
    int grace = Node.integer(m.workload(), "spec.template.spec.terminationGracePeriodSeconds");
    assertTrue(grace >= preStopSeconds + drain + EXIT_MARGIN_SECONDS,
        "terminationGracePeriodSeconds " + grace + " < preStop " + preStopSeconds + " + drain " + drain
            + " + exit margin " + EXIT_MARGIN_SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {REDIS, EMBEDDED})
  void pod_hasResourcesRunsAsNonRootAndSpreadsOverZonesAndNodes(String overlay) throws Exception {
    Manifests m = Manifests.render(overlay);
    Map<String, Object> container = m.container();
    assertNotNull(Node.at(container, "resources.requests.cpu"));
    assertNotNull(Node.at(container, "resources.requests.memory"));
    assertEquals(Node.str(container, "resources.requests.memory"), Node.str(container, "resources.limits.memory"),
        "memory limit = request: the JVM sizes its heap from the limit, and the pod is never overcommitted");
    Map<String, Object> pod = Node.map(m.workload(), "spec.template.spec");
    assertEquals(Boolean.TRUE, Node.at(pod, "securityContext.runAsNonRoot"));
    assertEquals(10001, Node.integer(pod, "securityContext.runAsUser"), "the uid the Dockerfile creates");
    Map<String, Object> podLabels = Node.map(m.workload(), "spec.template.metadata.labels");
    Set<String> topologyKeys = new HashSet<>();
    for (Map<String, Object> c : Node.maps(pod, "topologySpreadConstraints")) {
      topologyKeys.add(Node.str(c, "topologyKey"));
      assertSelects(Node.map(c, "labelSelector.matchLabels"), podLabels, "topology spread");
    }
    assertEquals(Set.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), topologyKeys);
    assertSelects(Node.map(m.workload(), "spec.selector.matchLabels"), podLabels, "workload selector");
    assertSelects(Node.map(m.one("PodDisruptionBudget"), "spec.selector.matchLabels"), podLabels, "PDB");
    for (Map<String, Object> service : m.all("Service")) {
      assertSelects(Node.map(service, "spec.selector"), podLabels, Node.str(service, "metadata.name"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {REDIS, EMBEDDED})
  void configMap_setsEveryServerSetting_andSecretsComeFromSecrets(String overlay) throws Exception {
    Manifests m = Manifests.render(overlay);
    Set<String> configured = new TreeSet<>(m.config().keySet());
    for (String key : configured) {
      assertTrue(ServerSettings.envNames().contains(key), "ConfigMap key is not a server setting: " + key);
      assertFalse(SECRET_SETTINGS.contains(key), key + " is a credential: keep it in a Secret");
    }
    Map<String, Map<String, Object>> secretEnv = secretEnv(m);
    Set<String> provided = new TreeSet<>(configured);
    provided.addAll(secretEnv.keySet());
    Set<String> missing = new TreeSet<>(ServerSettings.envNames());
    missing.removeAll(provided);
    if (overlay.equals(EMBEDDED)) {
      missing.remove("CHATSIGNAL_REDIS_URI");
    }
    assertEquals(Set.of(), missing, overlay + ": settings neither in the ConfigMap nor from a Secret");
    assertEquals("chatsignal-config", Node.str(Node.maps(m.container(), "envFrom").get(0), "configMapRef.name"));
    assertEquals(Boolean.TRUE, secretEnv.get("CHATSIGNAL_ADMIN_TOKEN").get("optional"),
        "the admin token is optional: without its Secret the pod still starts");
  }

  @Test
  void redisOverlay_readsTheUriFromARenderedSecret_andAutoscalesTheDeployment() throws Exception {
    Manifests m = Manifests.render(REDIS);
    assertEquals("redis", m.config().get("CHATSIGNAL_STORE"));
    assertEquals("Deployment", m.workload().get("kind"));
    Map<String, Object> ref = secretEnv(m).get("CHATSIGNAL_REDIS_URI");
    assertNotNull(ref, "CHATSIGNAL_REDIS_URI comes from a secretKeyRef");
    Map<String, Object> secret = m.named("Secret", Node.str(ref, "name"));
    String uri = Node.str(secret, "stringData." + Node.str(ref, "key"));
    assertTrue(uri.startsWith("redis://") || uri.startsWith("rediss://"), uri);
    Map<String, Object> hpa = m.one("HorizontalPodAutoscaler");
    assertEquals("Deployment", Node.str(hpa, "spec.scaleTargetRef.kind"));
    assertEquals(Node.str(m.workload(), "metadata.name"), Node.str(hpa, "spec.scaleTargetRef.name"));
    int min = Node.integer(hpa, "spec.minReplicas");
    assertTrue(min >= 2 && min <= Node.integer(hpa, "spec.maxReplicas"), "HPA keeps at least two replicas");
    assertFalse(Node.has(m.workload(), "spec.volumeClaimTemplates"));
  }

  @Test
  void embeddedOverlay_givesEachReplicaItsOwnVolumeAtTheDataDir_andHasNoAutoscaler() throws Exception {
    Manifests m = Manifests.render(EMBEDDED);
    assertEquals("rocksdb", m.config().get("CHATSIGNAL_STORE"));
    Map<String, Object> sts = m.workload();
    assertEquals("StatefulSet", sts.get("kind"));
    assertTrue(m.all("Deployment").isEmpty() && m.all("HorizontalPodAutoscaler").isEmpty(),
        "adding replicas would move users away from their profiles");
    Set<String> claims = new HashSet<>();
    Node.maps(sts, "spec.volumeClaimTemplates").forEach(c -> claims.add(Node.str(c, "metadata.name")));
    String dataDir = (String) m.config().get("CHATSIGNAL_DATA_DIR");
    Map<String, Object> dataMount = Node.maps(m.container(), "volumeMounts").stream()
        .filter(v -> dataDir.equals(v.get("mountPath"))).findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at CHATSIGNAL_DATA_DIR " + dataDir));
    assertTrue(claims.contains(Node.str(dataMount, "name")), "the data dir is a per-replica claim");
    boolean sharedVolume = Node.maps(sts, "spec.template.spec.volumes").stream()
        .anyMatch(v -> v.get("name").equals(dataMount.get("name")));
    assertFalse(sharedVolume, "a pod volume of the same name would shadow the claim template");
    Map<String, Object> headless = m.named("Service", Node.str(sts, "spec.serviceName"));
    assertEquals("None", Node.str(headless, "spec.clusterIP"));
  }

  private static String annotation(Manifests m, String key) {
    return String.valueOf(Node.map(m.workload(), "spec.template.metadata.annotations").get(key));
  }

  private static int containerPort(Manifests m, String name) {
    return Node.maps(m.container(), "ports").stream().filter(p -> name.equals(p.get("name")))
        .map(p -> Node.integer(p, "containerPort")).findFirst()
        .orElseThrow(() -> new AssertionError(m.overlay() + ": no container port named " + name));
  }

  /** Env vars of the chatsignal container that come from a secretKeyRef, with that reference. */
  private static Map<String, Map<String, Object>> secretEnv(Manifests m) {
    Map<String, Map<String, Object>> refs = new TreeMap<>();
    for (Map<String, Object> env : Node.maps(m.container(), "env")) {
      if (Node.has(env, "valueFrom.secretKeyRef")) {
        refs.put(Node.str(env, "name"), Node.map(env, "valueFrom.secretKeyRef"));
      }
    }
    return refs;
  }

  private static void assertSelects(Map<String, Object> selector, Map<String, Object> podLabels, String what) {
    assertFalse(selector.isEmpty(), what + " selector is empty");
    selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), what + " selects pod label " + k));
  }
}
