package dev.chatsignal.testing;

import dev.chatsignal.policy.AgeOfMajority;
import dev.chatsignal.v1.AgeBand;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ClassifyTextResponse;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Interaction;
import dev.chatsignal.v1.InteractionResult;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.Outcome;
import dev.chatsignal.v1.Reason;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoredItem;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.TopicContribution;
import dev.chatsignal.v1.TopicWeight;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The invariants every fuzz target checks, written from SPEC sections 2 and 3 rather than from the
 * implementation: the error codes a call may end with, the shape of an OK response, and the privacy
 * rules (fallback requests get exactly the prior ranking; no ad is scored on an ads-sensitive topic).
 * A broken invariant throws {@link AssertionError} with the request, which Jazzer reports as a finding.
 */
public final class FuzzOracle {
  /** SPEC section 2, as written there (not read from PolicyConfig). */
  private static final Set<String> EXCLUDED = Set.of(
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
      "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GF", "GP", "MQ", "RE", "YT", "MF", "AX",
      "IS", "LI", "NO", "GB", "KR");
  private static final Set<String> ASSIGNED = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
  /** Texts shorter than this may occur in any message by chance; longer ones must never be echoed. */
  private static final int ECHO_MIN_CHARS = 16;

  private final FuzzWorld world;

  public FuzzOracle(FuzzWorld world) {
    this.world = world;
  }

  /** True only for a code SPEC lets personalize: assigned, not excluded (UK is GB; trimmed, any case). */
  public static boolean regionAllowed(String country) {
    String code = canonical(country);
    return code.matches("[A-Z]{2}") && ASSIGNED.contains(code) && !EXCLUDED.contains(code);
  }

  /** A failed call may only be the caller's fault or overload, and never echoes request text. */
  public static void checkError(StatusRuntimeException e, List<String> texts, Object request) {
    Status.Code code = e.getStatus().getCode();
    check(code == Status.Code.INVALID_ARGUMENT || code == Status.Code.RESOURCE_EXHAUSTED,
        "status " + code + " (" + e.getStatus().getDescription() + ")", request);
    String description = String.valueOf(e.getStatus().getDescription());
    check(!description.isBlank(), "error without a description", request);
    for (String text : texts) {
      check(text.strip().length() < ECHO_MIN_CHARS || !description.contains(text),
          "error description echoes request text: " + description, request);
    }
  }

  /** One result per interaction, in order; counters add up; withheld chats are never STORED. */
  public void checkIngest(IngestInteractionsRequest req, IngestInteractionsResponse resp) {
    int n = req.getInteractionsCount();
    check(resp.getResultsCount() == n, resp.getResultsCount() + " results for " + n + " interactions", req);
    int stored = 0;
    int duplicates = 0;
    for (int i = 0; i < n; i++) {
      Interaction in = req.getInteractions(i);
      InteractionResult r = resp.getResults(i);
      check(r.getInteractionId().equals(in.getInteractionId()), "results[" + i + "] is for another id", req);
      Outcome o = r.getOutcome();
      check(o != Outcome.OUTCOME_UNSPECIFIED && o != Outcome.UNRECOGNIZED, "results[" + i + "]: " + o, req);
      stored += o == Outcome.OUTCOME_STORED ? 1 : 0;
      duplicates += o == Outcome.OUTCOME_DUPLICATE ? 1 : 0;
      check(o != Outcome.OUTCOME_REJECTED || !r.getDetail().isBlank(), "rejection without detail", req);
      String text = in.hasChat() ? in.getChat().getText() : in.getEngagement().getText();
      check(text.strip().length() < ECHO_MIN_CHARS || !r.getDetail().contains(text),
          "results[" + i + "].detail echoes the text", req);
      if (in.hasChat()) {
        boolean used = o == Outcome.OUTCOME_STORED || o == Outcome.OUTCOME_DUPLICATE;
        check(!used || regionAllowed(in.getCountry()),
            "results[" + i + "]: chat from region '" + in.getCountry() + "' was " + o, req);
        check(!used || !beforeEffectiveDate(in),
            "results[" + i + "]: chat from before the effective date was " + o, req);
      }
    }
    check(resp.getAccepted() == stored, "accepted " + resp.getAccepted() + " != " + stored + " STORED", req);
    check(resp.getDuplicates() == duplicates, "duplicates " + resp.getDuplicates() + " != " + duplicates, req);
  }

  private static boolean beforeEffectiveDate(Interaction in) {
    var t = in.getEventTime();
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).isBefore(FuzzWorld.EFFECTIVE_DATE);
  }

  /** The shape of an OK scoring response and the privacy rules, for any request. */
  public void checkScore(ScoreCandidatesRequest req, ScoreCandidatesResponse resp) {
    int n = req.getCandidatesCount();
    int expected = req.getLimit() > 0 ? Math.min(req.getLimit(), n) : n;
    check(resp.getItemsCount() == expected, resp.getItemsCount() + " items, expected " + expected, req);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(req.getCandidates(i).getItemId(), i);
    }
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < resp.getItemsCount(); k++) {
      ScoredItem item = resp.getItems(k);
      Integer i = index.get(item.getItemId());
      check(i != null && seen.add(item.getItemId()), "items[" + k + "] is unknown or repeated", req);
      check(Double.isFinite(item.getScore()), "items[" + k + "].score " + item.getScore(), req);
      check(item.getPersonalized() || item.getScore() == req.getCandidates(i).getPrior(),
          "items[" + k + "] is not personalized but score != prior", req);
      if (k > 0) {
        ScoredItem prev = resp.getItems(k - 1);
        int cmp = Double.compare(prev.getScore(), item.getScore());
        check(cmp > 0 || (cmp == 0 && index.get(prev.getItemId()) < i),
            "items[" + (k - 1) + ".." + k + "] out of order (score desc, ties in input order)", req);
      }
      checkAdItem(req, req.getCandidates(i), item);
    }
    Reason fallback = fallbackReason(req);
    if (fallback != null) {
      check(!resp.getPersonalized(), "must fall back (" + fallback + ") but is personalized", req);
      if (fallback == Reason.REASON_REGION_EXCLUDED || fallback == Reason.REASON_REGION_UNKNOWN) {
        check(resp.getReason() == fallback, "reason " + resp.getReason() + ", expected " + fallback, req);
      }
    }
    if (!resp.getPersonalized()) {
      check(resp.getReason() != Reason.REASON_PERSONALIZED, "fallback with reason PERSONALIZED", req);
      checkPriorRanking(req, resp);
    }
  }

  /** The reason a whole request must get the prior ranking, or null when it may personalize. */
  private Reason fallbackReason(ScoreCandidatesRequest req) {
    if (!regionAllowed(req.getCountry())) {
      boolean known = ASSIGNED.contains(canonical(req.getCountry()));
      return known ? Reason.REASON_REGION_EXCLUDED : Reason.REASON_REGION_UNKNOWN;
    }
    if (req.getContext().getSensitive()) {
      return Reason.REASON_SENSITIVE_CONTEXT;
    }
    String context = req.getContext().getText();
    if (!context.isBlank() && world.classify(context).getSensitiveCategoriesCount() > 0) {
      return Reason.REASON_SENSITIVE_CONTEXT;
    }
    if (req.getSurface() == Surface.SURFACE_ADS && !adult(req)) {
      return Reason.REASON_AGE_UNKNOWN;
    }
    return null;
  }

  /*
   * Adult for the ad rules: the caller's band, or, when age_years is known, that age against the
   * country's age of majority (the shipped table); a MINOR band always wins.
   */
  private static boolean adult(ScoreCandidatesRequest req) {
    if (req.getAgeYears() <= 0) {
      return req.getAgeBand() == AgeBand.AGE_BAND_ADULT;
    }
    if (req.getAgeBand() == AgeBand.AGE_BAND_MINOR) {
      return false;
    }
    return req.getAgeYears() >= AgeOfMajority.DEFAULT.ageIn(canonical(req.getCountry()));
  }

  /* The country as the policy looks it up: trimmed, upper case, the UK under its ISO code GB. */
  private static String canonical(String country) {
    String code = country.strip().toUpperCase(Locale.ROOT);
    return code.equals("UK") ? "GB" : code;
  }

  /** Items ordered by prior descending, ties in input order, score == prior, not personalized. */
  private static void checkPriorRanking(ScoreCandidatesRequest req, ScoreCandidatesResponse resp) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < req.getCandidatesCount(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> req.getCandidates(i).getPrior()).reversed());
    for (int k = 0; k < resp.getItemsCount(); k++) {
      Candidate c = req.getCandidates(order.get(k));
      ScoredItem item = resp.getItems(k);
      check(item.getItemId().equals(c.getItemId()), "items[" + k + "] is not the prior ranking", req);
      check(item.getScore() == c.getPrior() && !item.getPersonalized(),
          "items[" + k + "] of a fallback has score " + item.getScore() + " != prior " + c.getPrior(), req);
    }
  }

  /** An ad (AD item, or any item on SURFACE_ADS) is never scored through an ads-sensitive topic. */
  private void checkAdItem(ScoreCandidatesRequest req, Candidate c, ScoredItem item) {
    boolean adSurface = req.getSurface() == Surface.SURFACE_ADS;
    boolean isAd = c.getKind() == ItemKind.ITEM_KIND_AD || adSurface;
    if (!isAd) {
      return;
    }
    for (TopicContribution t : item.getExplanationList()) {
      check(!world.adsSensitive(t.getTopicId()) && !world.adsSensitive(t.getProfileTopicId()),
          "ad " + c.getItemId() + " explained by ads-sensitive topic " + t.getTopicId() + " via "
              + t.getProfileTopicId(), req);
    }
    boolean minorAd = c.getKind() == ItemKind.ITEM_KIND_AD && !adult(req);
    if (minorAd || onlySensitiveTopics(c)) {
      check(item.getScore() == c.getPrior() && !item.getPersonalized(),
          "ad " + c.getItemId() + (minorAd ? " for a non-adult" : " with only ads-sensitive topics")
              + " scored " + item.getScore() + " != prior " + c.getPrior(), req);
    }
  }

  private boolean onlySensitiveTopics(Candidate c) {
    if (c.getTopicsCount() > 0) {
      return c.getTopicsList().stream().map(TopicWeight::getTopicId).allMatch(world::adsSensitive);
    }
    if (c.getText().isBlank()) {
      return false;
    }
    ClassifyTextResponse r = world.classify(c.getText());
    return r.getSensitiveCategoriesCount() > 0
        || (r.getTopicsCount() > 0 && r.getTopicsList().stream().allMatch(t -> world.adsSensitive(t.getTopicId())));
  }

  static void check(boolean ok, String what, Object request) {
    if (!ok) {
      throw new AssertionError(what + "\nrequest: " + request);
    }
  }
}
