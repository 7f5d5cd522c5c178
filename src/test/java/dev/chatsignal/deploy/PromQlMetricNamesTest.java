package dev.chatsignal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

  @Test
  void findsSelectedMetrics_notFunctionsLabelsKeywordsOrDurations() {
    assertEquals(Set.of("grpc_server_processing_duration_seconds_bucket"), PromQlMetricNames.of(
        "histogram_quantile(0.99, sum by (le, method) (rate(grpc_server_processing_duration_seconds_bucket"
            + "{job=\"chatsignal\", service=~\"chatsignal\\\\.v1\\\\..+\"}[$__rate_interval])))"));
  }

  @Test
  void findsBothSidesOfBinaryOperators_andBareSelectors() {
    assertEquals(Set.of("cache_gets_total", "up", "chatsignal_store_reads_total"), PromQlMetricNames.of(
        "sum(rate(cache_gets_total{result=\"hit\"}[5m])) / ignoring (result) group_left "
            + "sum(rate(cache_gets_total[5m])) > 0.5 and on (instance) up == 1 unless chatsignal_store_reads_total"
            + " offset 1h"));
  }

  @Test
  void ignoresLabelValuesThatLookLikeMetricNames() {
    assertEquals(Set.of("chatsignal_scoring_decisions_total"), PromQlMetricNames.of(
        "sum without (surface) (chatsignal_scoring_decisions_total{reason!~\"personalized|region_unknown\"})"));
  }
}
