package dev.chatsignal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class PrometheusConventionsTest {
  @Test
  void camelCaseTagKeys_becomeSnakeCase() {
    assertEquals("method_type", PrometheusConventions.snake("methodType"));
    assertEquals("status_code", PrometheusConventions.snake("statusCode"));
    assertEquals("service", PrometheusConventions.snake("service"));
  }

  @Test
  void scrape_showsRenamedTags() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new PrometheusConventions());
    Counter.builder("grpc.server.requests.received").tag("methodType", "UNARY").register(registry).increment();
    String scrape = registry.scrape();
    assertTrue(scrape.contains("method_type=\"UNARY\""), scrape);
    assertTrue(!scrape.contains("methodType"));
  }
}
