package dev.chatsignal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgeOfMajorityTest {
  private final PrivacyPolicy policy = new PrivacyPolicy(PolicyConfig.defaults());

  @Test
  void defaultTable_is18_exceptTheCountriesItLists() {
    AgeOfMajority table = AgeOfMajority.DEFAULT;
    assertEquals(18, table.ageIn("US"));
    assertEquals(18, table.ageIn("JP"), "Japan lowered its age of majority to 18 in 2022");
    assertEquals(20, table.ageIn("TH"));
    assertEquals(20, table.ageIn("NZ"));
    assertEquals(21, table.ageIn("SG"));
    assertEquals(21, table.ageIn("ID"));
    assertEquals(19, table.ageIn("DZ"));
    assertEquals(18, table.ageIn(null));
  }

  @Test
  void aNineteenYearOld_isAMinorForAdsWhereTheAgeIs20_andAnAdultWhereItIs18() {
    assertEquals(AgeBand.MINOR, policy.ageBand(AgeBand.UNSPECIFIED, 19, "TH"));
    assertEquals(AgeBand.ADULT, policy.ageBand(AgeBand.UNSPECIFIED, 19, "US"));
    assertEquals(AgeBand.ADULT, policy.ageBand(AgeBand.UNSPECIFIED, 20, "th"), "codes are case-insensitive");
    assertEquals(AgeBand.MINOR, policy.ageBand(AgeBand.UNSPECIFIED, 17, "US"));
    assertEquals(AgeBand.ADULT, policy.ageBand(AgeBand.UNSPECIFIED, 18, "US"), "18 is the first adult year");
  }

  @Test
  void theStricterOfBandAndYearsWins_andAnUnknownAgeLeavesTheBand() {
    assertEquals(AgeBand.MINOR, policy.ageBand(AgeBand.ADULT, 19, "TH"), "adult band, minor by years: minor");
    assertEquals(AgeBand.MINOR, policy.ageBand(AgeBand.MINOR, 40, "US"), "minor band, adult by years: minor");
    assertEquals(AgeBand.ADULT, policy.ageBand(AgeBand.ADULT, 40, "US"));
    assertEquals(AgeBand.UNSPECIFIED, policy.ageBand(AgeBand.UNSPECIFIED, 0, "US"), "0 = unknown: the band decides");
    assertEquals(AgeBand.ADULT, policy.ageBand(AgeBand.ADULT, 0, "TH"));
    assertEquals(Reason.MINOR,
        policy.request("TH", Surface.ADS, policy.ageBand(AgeBand.ADULT, 19, "TH"), false).reason());
  }

  @Test
  void tables_parse_andBadEntriesNameTheRule() {
    AgeOfMajority t = AgeOfMajority.parse(" *=18 , th=20,US=21 ");
    assertEquals(new AgeOfMajority(18, Map.of("TH", 20, "US", 21)), t);
    assertMessage("TH=20", "age of majority table 'TH=20' (expected: a *=age default entry)");
    assertMessage("*=18,TH", "age of majority entry 'TH' (expected: CODE=age or *=age)");
    assertMessage("*=18,TH=twenty", "age of majority entry 'TH=twenty' (expected: an integer age)");
    assertMessage("*=18,THA=20", "age of majority entry 'THA=20' (expected: an ISO 3166-1 alpha-2 code or *)");
    assertMessage("*=18,TH=40", "age of majority TH=40 (expected: 13..25)");
  }

  private static void assertMessage(String table, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgeOfMajority.parse(table));
    assertTrue(e.getMessage().equals(message), e.getMessage());
  }
}
