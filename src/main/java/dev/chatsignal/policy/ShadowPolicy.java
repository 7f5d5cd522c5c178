package dev.chatsignal.policy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A candidate policy evaluated next to the enforced one. Every answer comes from the enforced policy;
 * the candidate's decision on the same input is only counted, so an operator sees what switching
 * would change before switching (which is a configuration change: the candidate's settings become the
 * enforced ones, and the new policy version is stamped on every response).
 *
 * <p>Metrics: {@code chatsignal_shadow_decisions_total{rpc}} counts every decision compared and
 * {@code chatsignal_shadow_differences_total{rpc,rule,enforced,shadow}} those where the candidate
 * would have decided differently, {@code rule} being the rule that made the difference (region,
 * effective_date, sensitive, age). {@code chatsignal_policy_info{role,version}} names both policies.
 * Thread-safe.
 */
public final class ShadowPolicy {
  private static final ShadowPolicy NONE = new ShadowPolicy(null, null);

  private final PrivacyPolicy candidate;
  private final MeterRegistry registry;
  private final Map<String, Counter> compared = new ConcurrentHashMap<>();
  private final Map<String, Counter> differences = new ConcurrentHashMap<>();

  private ShadowPolicy(PrivacyPolicy candidate, MeterRegistry registry) {
    this.candidate = candidate;
    this.registry = registry;
  }

  /** No candidate: nothing is evaluated or counted. */
  public static ShadowPolicy none() {
    return NONE;
  }

  public static ShadowPolicy of(PrivacyPolicy enforced, PrivacyPolicy candidate, MeterRegistry registry) {
    if (candidate.version().equals(enforced.version())) {
      throw new IllegalArgumentException("shadow policy version: '" + candidate.version()
          + "' (expected: different from the enforced version, so that metrics tell them apart)");
    }
    for (String[] role : new String[][] {{"enforced", enforced.version()}, {"shadow", candidate.version()}}) {
      Gauge.builder("chatsignal.policy.info", () -> 1)
          .description("The enforced policy and the candidate evaluated in shadow, by version")
          .tag("role", role[0]).tag("version", role[1]).register(registry);
    }
    return new ShadowPolicy(candidate, registry);
  }

  /** The candidate policy, when one runs in shadow. */
  public Optional<PrivacyPolicy> candidate() {
    return Optional.ofNullable(candidate);
  }

  /** Counts one scoring decision (of a request, or of an ad item inside a feed). */
  public void compare(String rpc, Decision enforced, Decision shadow) {
    record(rpc, enforced.reason().tag(), shadow.reason().tag(),
        enforced.reason() == shadow.reason() ? null : rule(enforced.personalize() ? shadow.reason() : enforced.reason()));
  }

  /** Counts one ingest decision; outcomes are lower-case tags such as {@code withheld_region}. */
  public void compareIngest(String enforced, String shadow, String rule) {
    record("ingest", enforced, shadow, enforced.equals(shadow) ? null : rule);
  }

  private void record(String rpc, String enforced, String shadow, String rule) {
    compared.computeIfAbsent(rpc, r -> Counter.builder("chatsignal.shadow.decisions")
        .description("Decisions evaluated by the shadow policy as well as the enforced one")
        .tag("rpc", r).register(registry)).increment();
    if (rule == null) {
      return;
    }
    String key = rpc + '|' + rule + '|' + enforced + '|' + shadow;
    differences.computeIfAbsent(key, k -> Counter.builder("chatsignal.shadow.differences")
        .description("Decisions where the shadow policy would have decided differently, by rule and reasons")
        .tag("rpc", rpc).tag("rule", rule).tag("enforced", enforced).tag("shadow", shadow)
        .register(registry)).increment();
  }

  private static String rule(Reason reason) {
    switch (reason) {
      case REGION_EXCLUDED:
      case REGION_UNKNOWN:
        return "region";
      case SENSITIVE_CONTEXT:
        return "sensitive";
      case MINOR:
      case AGE_UNKNOWN:
        return "age";
      default:
        return reason.tag();
    }
  }
}
