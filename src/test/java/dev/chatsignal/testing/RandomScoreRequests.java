package dev.chatsignal.testing;

import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.RequestContext;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.TopicWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random ScoreCandidates requests, built with the generated builders, for differential tests. Every
 * field is usually valid and sometimes breaks one rule (about 3 % each), so a good share of requests
 * pass and the others fail at every rule in turn. Sized for small limits: up to 7 candidates (the tests
 * allow 6), 4 topics (3), texts up to 70 characters (60). Strings mix ASCII, accented, CJK and emoji
 * code points.
 */
public final class RandomScoreRequests {
  /** Limits the requests are made around: candidates, text characters, topics per candidate. */
  public static final int MAX_CANDIDATES = 6;
  public static final int MAX_TEXT_CHARS = 60;
  public static final int MAX_TOPICS = 3;

  private static final int[] CODE_POINTS = {'a', 'b', 'z', 'A', 'Q', '0', '7', '-', '_', '.', ' ', 'é', 'ü', 'ß',
      'Ж', '日', '本', 0x1F97E, 0x1F600};
  private static final String[] COUNTRIES = {"US", "us", "DE", "UK", "GB", "BR", "KR", "", "XX", " US ", "日本"};
  private static final String[] APPS = {"instagram", "Facebook", "whatsapp", "a.b_c-d", "default"};
  private static final String[] BAD_APPS = {"bad app", "x".repeat(33), "Äpp", "a/b"};
  private static final int[] ODD_ENUMS = {-1, 5, 17, 1_000_000, Integer.MIN_VALUE};

  private final Random random;
  private final int[] topicIds;

  /** @param topicIds topic ids the taxonomy knows */
  public RandomScoreRequests(Random random, int[] topicIds) {
    this.random = random;
    this.topicIds = topicIds.clone();
  }

  public ScoreCandidatesRequest next() {
    ScoreCandidatesRequest.Builder b = ScoreCandidatesRequest.newBuilder();
    if (!chance(0.03)) {
      b.setUserId(id(128));
    }
    b.setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)]);
    b.setAgeBandValue(chance(0.03) ? odd() : random.nextInt(3));
    b.setSurfaceValue(chance(0.03) ? (random.nextBoolean() ? 0 : odd()) : 1 + random.nextInt(4));
    int n = chance(0.03) ? 0 : chance(0.03) ? MAX_CANDIDATES + 1 : 1 + random.nextInt(MAX_CANDIDATES);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Candidate c = candidate(ids);
      ids.add(c.getItemId());
      b.addCandidates(c);
    }
    if (chance(0.3)) {
      b.setContext(RequestContext.newBuilder().setText(text()).setSensitive(chance(0.2)));
    }
    b.setLimit(chance(0.03) ? -1 - random.nextInt(3) : random.nextInt(n + 2));
    b.setExplain(random.nextBoolean());
    if (chance(0.3)) {
      b.setApp(chance(0.1) ? BAD_APPS[random.nextInt(BAD_APPS.length)] : APPS[random.nextInt(APPS.length)]);
    }
    int linked = chance(0.02) ? 17 : chance(0.2) ? 1 + random.nextInt(3) : 0;
    for (int i = 0; i < linked; i++) {
      b.addLinkedApps(chance(0.03) ? "" : chance(0.03) ? BAD_APPS[0] : APPS[random.nextInt(APPS.length)]);
    }
    if (chance(0.3)) {
      b.setAgeYears(chance(0.1) ? (random.nextBoolean() ? -1 - random.nextInt(5) : 151 + random.nextInt(50))
          : random.nextInt(151));
    }
    return b.build();
  }

  private Candidate candidate(List<String> earlierIds) {
    Candidate.Builder c = Candidate.newBuilder()
        .setItemId(chance(0.03) && !earlierIds.isEmpty() ? earlierIds.get(random.nextInt(earlierIds.size())) : id(256))
        .setKindValue(chance(0.03) ? (random.nextBoolean() ? 0 : odd()) : 1 + random.nextInt(4));
    int topics = chance(0.03) ? MAX_TOPICS + 1 : random.nextInt(MAX_TOPICS + 1);
    for (int i = 0; i < topics; i++) {
      int id = chance(0.03) ? new int[] {0, -5, 99_999}[random.nextInt(3)] : topicIds[random.nextInt(topicIds.length)];
      c.addTopics(TopicWeight.newBuilder().setTopicId(id).setWeight(weight()));
    }
    if (random.nextBoolean()) {
      c.setText(text());
    }
    return c.setPrior(prior()).build();
  }

  /** A valid id of up to 12 code points, or one that is empty, too long or has a control character. */
  private String id(int maxChars) {
    if (chance(0.03)) {
      return new String[] {"", "x".repeat(maxChars + 1), "a\u0007b"}[random.nextInt(3)];
    }
    return string(1 + random.nextInt(12));
  }

  private String text() {
    return string(chance(0.03) ? MAX_TEXT_CHARS + 1 + random.nextInt(10) : random.nextInt(40));
  }

  /** Up to {@code chars} characters (emoji take two) of mixed scripts. */
  private String string(int chars) {
    StringBuilder s = new StringBuilder();
    while (s.length() < chars) {
      int cp = CODE_POINTS[random.nextInt(CODE_POINTS.length)];
      if (s.length() + Character.charCount(cp) <= chars) {
        s.appendCodePoint(cp);
      } else {
        s.append('k');
      }
    }
    return s.toString();
  }

  private float weight() {
    if (chance(0.03)) {
      return new float[] {0f, -0.5f, 1.0001f, Float.NaN, Float.POSITIVE_INFINITY}[random.nextInt(5)];
    }
    return new float[] {1f, Float.MIN_VALUE, 0.5f, 1 - random.nextFloat()}[random.nextInt(4)];
  }

  private double prior() {
    if (chance(0.03)) {
      return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}[random.nextInt(3)];
    }
    return new double[] {0.0, -0.0, Double.MIN_VALUE, 1e300, -7.5, random.nextGaussian()}[random.nextInt(6)];
  }

  private int odd() {
    return ODD_ENUMS[random.nextInt(ODD_ENUMS.length)];
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }
}
