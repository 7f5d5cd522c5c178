package dev.chatsignal.api;

import static dev.chatsignal.testing.Protos.HIKING_CHAT;
import static dev.chatsignal.testing.Protos.batch;
import static dev.chatsignal.testing.Protos.chat;
import static dev.chatsignal.testing.Protos.threeAds;
import static dev.chatsignal.testing.TestServer.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** age_years against the per-country age of majority, end to end. */
class AgeYearsTest {
  private TestServer server = TestServer.inMemory();

  @AfterEach
  void close() {
    server.close();
  }

  private ScoreCandidatesResponse ads(String country, AgeBand band, int years) {
    server.interactions().ingestInteractions(batch(chat("c-" + country, "u", country, NOW, HIKING_CHAT)));
    return server.scoring().scoreCandidates(threeAds("u", country).setAgeBand(band).setAgeYears(years).build());
  }

  @Test
  void nineteen_isAMinorForAdsInThailand_andAnAdultInTheUnitedStates() {
    ScoreCandidatesResponse th = ads("TH", AgeBand.AGE_BAND_UNSPECIFIED, 19);
    assertEquals(Reason.REASON_MINOR, th.getReason());
    assertEquals("ad-laptop", th.getItems(0).getItemId(), "prior order");
    ScoreCandidatesResponse us = ads("US", AgeBand.AGE_BAND_UNSPECIFIED, 19);
    assertEquals(Reason.REASON_PERSONALIZED, us.getReason());
    assertEquals("ad-boots", us.getItems(0).getItemId());
  }

  @Test
  void theStricterOfAgeBandAndAgeYearsWins() {
    assertEquals(Reason.REASON_MINOR, ads("TH", AgeBand.AGE_BAND_ADULT, 19).getReason());
    assertEquals(Reason.REASON_MINOR, ads("US", AgeBand.AGE_BAND_MINOR, 30).getReason());
    assertEquals(Reason.REASON_AGE_UNKNOWN, ads("US", AgeBand.AGE_BAND_UNSPECIFIED, 0).getReason());
  }

  @Test
  void theTable_isConfigurable() {
    server.close();
    server = TestServer.with(Map.of("CHATSIGNAL_AGE_OF_MAJORITY", "*=18,US=21"));
    assertEquals(Reason.REASON_MINOR, ads("US", AgeBand.AGE_BAND_ADULT, 20).getReason());
    assertEquals(Reason.REASON_PERSONALIZED, ads("TH", AgeBand.AGE_BAND_UNSPECIFIED, 19).getReason(),
        "a table without TH gives it the default");
  }

  @Test
  void aMinorByYears_keepsFeedItemsPersonalized_butNotItsAds() {
    server.interactions().ingestInteractions(batch(chat("c1", "u", "TH", NOW, HIKING_CHAT)));
    ScoreCandidatesResponse feed = server.scoring().scoreCandidates(threeAds("u", "TH")
        .setSurface(dev.chatsignal.v1.Surface.SURFACE_FEED).setAgeBand(AgeBand.AGE_BAND_ADULT).setAgeYears(19).build());
    assertEquals(Reason.REASON_PERSONALIZED, feed.getReason());
    assertTrue(feed.getItemsList().stream().allMatch(i -> i.getReason() == Reason.REASON_MINOR),
        "every ad in the feed is non-personalized for a minor");
  }

  @Test
  void ageYears_outOfRange_isInvalidArgument() {
    for (int years : new int[] {-1, 151}) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> server.scoring().scoreCandidates(threeAds("u", "US").setAgeYears(years).build()));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
      assertEquals("age_years: " + years + " (expected: 0..150 (0 = unknown))", e.getStatus().getDescription());
    }
  }
}
