package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml wires the image, Redis, Prometheus and Grafana with the files in deploy/: every
 * mounted file exists, Prometheus scrapes the chatsignal service on its metrics port, Grafana reads the
 * dashboard from the Prometheus service.
 */
class ComposeFileTest {

  @Test
  void services_areChatsignalRedisPrometheusAndGrafana() throws Exception {
    Map<String, Object> services = Node.map(compose(), "services");
    assertEquals(List.of("chatsignal", "redis", "prometheus", "grafana"), List.copyOf(services.keySet()));
    Map<String, Object> chatsignal = Node.map(services, "chatsignal");
    assertEquals("deploy/Dockerfile", Node.str(chatsignal, "build.dockerfile"));
    assertTrue(Files.exists(Path.of("deploy").resolve(Node.str(chatsignal, "build.context")).resolve("pom.xml")),
        "build context is the repository root");
    Map<String, Object> env = Node.map(chatsignal, "environment");
    assertEquals("redis", env.get("CHATSIGNAL_STORE"));
    assertTrue(String.valueOf(env.get("CHATSIGNAL_REDIS_URI")).startsWith("redis://redis:"), "the redis service");
    assertEquals("0.0.0.0", env.get("CHATSIGNAL_BIND"));
    assertEquals("service_healthy", Node.str(chatsignal, "depends_on.redis.condition"));
    int drain = Integer.parseInt(String.valueOf(env.get("CHATSIGNAL_DRAIN_SECONDS")));
    int grace = Integer.parseInt(Node.str(chatsignal, "stop_grace_period").replace("s", ""));
    assertTrue(grace > drain, "stop_grace_period " + grace + " s must outlast the drain " + drain + " s");
  }

  @Test
  void everyMountedFile_existsInDeploy() throws Exception {
    Map<String, Object> services = Node.map(compose(), "services");
    int mounts = 0;
    for (String name : List.of("prometheus", "grafana")) {
      for (Object volume : Node.list(services, name + ".volumes")) {
        String source = String.valueOf(volume).split(":")[0];
        if (source.startsWith("./")) {
          assertTrue(Files.exists(Path.of("deploy").resolve(source)), name + " mounts missing " + source);
          mounts++;
        }
      }
    }
    assertEquals(5, mounts);
  }

  @Test
  void prometheus_scrapesTheChatsignalServiceOnItsMetricsPort() throws Exception {
    Map<String, Object> config = DeployFiles.yaml("deploy/prometheus/prometheus.yml");
    Map<String, Object> job = Node.maps(config, "scrape_configs").get(0);
    List<Object> targets = Node.list(Node.maps(job, "static_configs").get(0), "targets");
    Map<String, Object> env = Node.map(compose(), "services.chatsignal.environment");
    assertEquals(List.of("chatsignal:" + env.get("CHATSIGNAL_HTTP_PORT")), targets);
    assertEquals("/metrics", Node.str(job, "metrics_path"));
  }

  @Test
  void grafana_provisionsThePrometheusServiceAndTheDashboardDirectory() throws Exception {
    Map<String, Object> ds = Node.maps(DeployFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yaml"),
        "datasources").get(0);
    assertEquals("prometheus", ds.get("type"));
    assertEquals("http://prometheus:9090", ds.get("url"));
    Map<String, Object> provider = Node.maps(DeployFiles.yaml("deploy/grafana/provisioning/dashboards/chatsignal.yaml"),
        "providers").get(0);
    String path = Node.str(provider, "options.path");
    boolean mounted = Node.list(compose(), "services.grafana.volumes").stream()
        .anyMatch(v -> String.valueOf(v).startsWith("./grafana/dashboards:" + path));
    assertTrue(mounted, "deploy/grafana/dashboards is mounted where the provider looks: " + path);
  }

  private static Map<String, Object> compose() throws Exception {
    return DeployFiles.yaml("deploy/compose.yaml");
  }
}
