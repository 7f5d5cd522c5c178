package dev.chatsignal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegionPolicyTest {
  private final RegionPolicy policy = new RegionPolicy(PolicyConfig.DEFAULT_EXCLUDED_REGIONS, Map.of("UK", "GB"));

  @ParameterizedTest
  @ValueSource(strings = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GF", "GP", "MQ", "RE", "YT",
      "MF", "AX", "IS", "LI", "NO", "GB", "UK", "uk", " de ", "KR"})
  void euEeaUkAndKorea_areExcluded(String code) {
    assertEquals(RegionStatus.EXCLUDED, policy.classify(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "X", "USA", "U1", "12", "XX", "ZZ", "EU", "XK", "AA", "QM", "UN", "ÄB"})
  void missingMalformedOrUnassigned_areUnknown(String code) {
    assertEquals(RegionStatus.UNKNOWN, policy.classify(code));
  }

  @Test
  void nullCountry_isUnknown() {
    assertEquals(RegionStatus.UNKNOWN, policy.classify(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "us", "BR", "JP", "IN", "CA", "CH", "MX", "AU", "NZ", "ZA"})
  void otherAssignedCodes_areAllowed(String code) {
    assertEquals(RegionStatus.ALLOWED, policy.classify(code));
  }

  @Test
  void configuredRegionsMustBeAssignedCodes() {
    assertThrows(IllegalArgumentException.class, () -> new RegionPolicy(Set.of("QQ"), Map.of()));
  }
}
