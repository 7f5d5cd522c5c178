package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The structure of deploy/Dockerfile (no container engine runs here; `make image` builds it where one
 * does): a Maven build stage, a JRE runtime stage, non-root, container-aware JVM, 0.0.0.0 and the ports
 * the Kubernetes manifests use.
 */
class DockerfileTest {
  private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");

  @Test
  void buildsWithMaven_thenRunsOnAJreOnlyImage() throws Exception {
    String dockerfile = DeployFiles.text("deploy/Dockerfile");
    List<String[]> stages = new ArrayList<>();
    Matcher m = FROM.matcher(dockerfile);
    while (m.find()) {
      stages.add(new String[] {m.group(1), m.group(2)});
    }
    assertEquals(2, stages.size(), "two stages");
    assertTrue(stages.get(0)[0].startsWith("maven:") && stages.get(0)[0].contains("17"), stages.get(0)[0]);
    String builder = stages.get(0)[1];
    assertTrue(stages.get(1)[0].matches("eclipse-temurin:17[.\\d]*-jre.*"), "runtime is a JRE: " + stages.get(1)[0]);
    assertTrue(dockerfile.contains("mvn -B -DskipTests package"), "the build runs what `make build` runs");
    assertTrue(dockerfile.matches("(?s).*COPY --from=" + builder + " /chatsignal.jar /app/chatsignal.jar.*"));
    assertTrue(dockerfile.contains("cp target/chatsignal.jar /chatsignal.jar"), "pom finalName is chatsignal");
  }

  @Test
  void runtime_isNonRoot_containerAware_listensOnAllInterfaces_andExecsJava() throws Exception {
    String runtime = runtimeStage();
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$").matcher(runtime);
    assertTrue(user.find(), "USER with a numeric uid (runAsNonRoot can only verify numbers)");
    assertEquals("10001", user.group(1), "the uid the Kubernetes securityContext expects");
    String env = String.join(" ", lines(runtime, "ENV"));
    assertTrue(env.contains("CHATSIGNAL_BIND=0.0.0.0"), env);
    assertTrue(env.contains("-XX:MaxRAMPercentage="), "heap sized from the container limit: " + env);
    assertTrue(env.contains("-XX:+ExitOnOutOfMemoryError"), env);
    assertTrue(env.contains("CHATSIGNAL_DATA_DIR=/var/lib/chatsignal"), env);
    assertEquals(List.of("ENTRYPOINT [\"java\", \"-jar\", \"/app/chatsignal.jar\"]"), lines(runtime, "ENTRYPOINT"),
        "exec form, so java is PID 1 and gets SIGTERM");
  }

  @Test
  void exposesTheGrpcAndMetricsPorts_ofTheKubernetesConfig() throws Exception {
    String runtime = runtimeStage();
    Map<String, Object> config = Node.map(DeployFiles.yaml("deploy/k8s/base/configmap.yaml"), "data");
    String expose = "EXPOSE " + config.get("CHATSIGNAL_GRPC_PORT") + " " + config.get("CHATSIGNAL_HTTP_PORT");
    assertEquals(List.of(expose), lines(runtime, "EXPOSE"));
    String env = String.join(" ", lines(runtime, "ENV"));
    assertTrue(env.contains("CHATSIGNAL_GRPC_PORT=" + config.get("CHATSIGNAL_GRPC_PORT")), env);
    assertTrue(env.contains("CHATSIGNAL_HTTP_PORT=" + config.get("CHATSIGNAL_HTTP_PORT")), env);
  }

  @Test
  void buildContext_sendsOnlyWhatTheBuildNeeds() throws Exception {
    List<String> ignore = DeployFiles.text("deploy/Dockerfile.dockerignore").lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertEquals(List.of("*", "!pom.xml", "!proto/**", "!src/main/**"), ignore);
  }

  private static String runtimeStage() throws Exception {
    String dockerfile = DeployFiles.text("deploy/Dockerfile");
    return dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
  }

  /** Instructions of one kind, continuation lines joined. */
  private static List<String> lines(String stage, String instruction) {
    String joined = stage.replaceAll("\\\\\\n\\s*", " ");
    return joined.lines().filter(l -> l.startsWith(instruction + " ")).map(String::strip).toList();
  }
}
