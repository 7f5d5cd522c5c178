package dev.chatsignal.deploy;

import dev.chatsignal.testing.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes objects an overlay renders to, as {@code kubectl kustomize} (Kustomize built into
 * kubectl) produces them: what {@code kubectl apply -k} would send to the API server.
 */
record Manifests(String overlay, List<Map<String, Object>> objects) {

  private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

  /** Renders an overlay once per test JVM (rendering is pure; kubectl takes about a second). */
  static Manifests render(String overlayDir) throws Exception {
    Manifests cached = RENDERED.get(overlayDir);
    if (cached == null) {
      cached = renderNow(overlayDir);
      RENDERED.put(overlayDir, cached);
    }
    return cached;
  }

  private static Manifests renderNow(String overlayDir) throws Exception {
    Tool.Result r = Tool.run(null, kubectl(), "kustomize", DeployFiles.path(overlayDir));
    if (r.exitCode() != 0) {
      throw new AssertionError("kubectl kustomize " + overlayDir + " failed:\n" + r.output());
    }
    return new Manifests(overlayDir, DeployFiles.documents(r.output()));
  }

  List<Map<String, Object>> all(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  Map<String, Object> one(String kind) {
    List<Map<String, Object>> found = all(kind);
    if (found.size() != 1) {
      throw new AssertionError(overlay + ": expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  Map<String, Object> named(String kind, String name) {
    return all(kind).stream().filter(o -> name.equals(Node.str(o, "metadata.name"))).findFirst()
        .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
  }

  /** The workload that runs the server: the Deployment, or the StatefulSet of the embedded overlay. */
  Map<String, Object> workload() {
    List<Map<String, Object>> workloads = objects.stream()
        .filter(o -> List.of("Deployment", "StatefulSet").contains(o.get("kind"))).toList();
    if (workloads.size() != 1) {
      throw new AssertionError(overlay + ": expected one Deployment or StatefulSet, found " + workloads.size());
    }
    return workloads.get(0);
  }

  Map<String, Object> container() {
    return Node.maps(workload(), "spec.template.spec.containers").stream()
        .filter(c -> "chatsignal".equals(c.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError(overlay + ": no container named chatsignal"));
  }

  Map<String, Object> config() {
    return Node.map(named("ConfigMap", "chatsignal-config"), "data");
  }

  private static Path kubectl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("kubectl is not on PATH (its built-in Kustomize renders deploy/k8s)");
  }
}
