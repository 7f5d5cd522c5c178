package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconClassifierTest {
  private static LexiconClassifier classifier;

  @BeforeAll
  static void load() {
    classifier = new LexiconClassifier(Taxonomy.loadDefault());
  }

  @Test
  void hikingChat_ranksHikingAndCampingFirst() {
    Classification c = classifier.classify(
        "I want to go hiking in the Rockies next weekend, what trails do you recommend?");
    assertEquals(472, c.topics().get(0).topicId(), c.toString());
    assertFalse(c.isSensitive(), c.toString());
  }

  @Test
  void hikingMorphology_matchesHikesHikedAndHikingTrails() {
    for (String text : List.of("we hiked ten miles", "two hikes a week", "best hiking trails near me")) {
      assertEquals(472, classifier.classify(text).topics().get(0).topicId(), text);
    }
  }

  @Test
  void topics_areBestFirstAtMostFiveWithConfidenceInRange() {
    Classification c = classifier.classify(
        "hiking camping fishing running cooking recipes flights hotels dogs cats guitar movies laptops");
    assertTrue(c.topics().size() <= LexiconClassifier.MAX_TOPICS);
    double previous = 1.0;
    for (TopicScore t : c.topics()) {
      assertTrue(t.confidence() > 0 && t.confidence() <= 1);
      assertTrue(t.confidence() <= previous);
      previous = t.confidence();
    }
  }

  static Stream<Arguments> sensitiveChats() {
    return Stream.of(
        Arguments.of(SensitiveCategory.HEALTH, "My doctor says my cholesterol is too high, what should I eat?"),
        Arguments.of(SensitiveCategory.HEALTH, "um so my therapist thinks i have uh anxiety you know"),
        Arguments.of(SensitiveCategory.RELIGION_OR_BELIEF, "What should I bring to a friend's bar mitzvah?"),
        Arguments.of(SensitiveCategory.RELIGION_OR_BELIEF, "like what time is friday prayer at the mosque"),
        Arguments.of(SensitiveCategory.POLITICAL_OPINION, "Which candidate should I vote for in the Senate election?"),
        Arguments.of(SensitiveCategory.POLITICAL_OPINION, "um why do republicans want a border wall"),
        Arguments.of(SensitiveCategory.SEX_LIFE_OR_ORIENTATION, "I'm gay and nervous about coming out at work."),
        Arguments.of(SensitiveCategory.SEX_LIFE_OR_ORIENTATION, "uh best lesbian bars in austin"),
        Arguments.of(SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN,
            "How do I respond to racist jokes about Asian Americans?"),
        Arguments.of(SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN, "um as a black man how do i handle a traffic stop"),
        Arguments.of(SensitiveCategory.TRADE_UNION_MEMBERSHIP, "Our shop is voting to unionize; can they fire me?"),
        Arguments.of(SensitiveCategory.TRADE_UNION_MEMBERSHIP, "how much are my union dues this year"),
        Arguments.of(SensitiveCategory.BIOMETRIC, "Is Face ID safer than a passcode?"),
        Arguments.of(SensitiveCategory.BIOMETRIC, "um set up face i d on my phone"),
        Arguments.of(SensitiveCategory.GENETIC, "My 23andMe report shows a BRCA1 variant."),
        Arguments.of(SensitiveCategory.GENETIC, "should i do a d n a test to find relatives"),
        // the v2.1 trap contexts must leave the real disclosures alone
        Arguments.of(SensitiveCategory.HEALTH, "my health has been getting worse since march"),
        Arguments.of(SensitiveCategory.BIOMETRIC, "they took my fingerprints at the border"),
        Arguments.of(SensitiveCategory.POLITICAL_OPINION, "i volunteer for her senate campaign"),
        // v2.1 lists: rites and objects, same-sex couples, peoples, unions by initials
        Arguments.of(SensitiveCategory.RELIGION_OR_BELIEF, "where can i buy candles for our menorah"),
        Arguments.of(SensitiveCategory.SEX_LIFE_OR_ORIENTATION, "we are both guys, which resorts in mexico are friendly"),
        Arguments.of(SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN, "um my hmong grandma wants to visit laos"),
        Arguments.of(SensitiveCategory.TRADE_UNION_MEMBERSHIP, "does my ibew pension vest after five years"));
  }

  @ParameterizedTest
  @MethodSource("sensitiveChats")
  void sensitiveChat_typedOrVoice_reportsItsCategory(SensitiveCategory expected, String text) {
    Classification c = classifier.classify(text);
    assertTrue(c.sensitiveCategories().contains(expected), text + " -> " + c);
  }

  @Test
  void diabeticHikingChat_reportsHealthAndMayKeepTheHikingTopic() {
    Classification c = classifier.classify("As a diabetic, which hiking snacks should I pack?");
    assertTrue(c.sensitiveCategories().contains(SensitiveCategory.HEALTH), c.toString());
    assertTrue(c.topics().stream().anyMatch(t -> t.topicId() == 472), c.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "my laptop caught a virus",
      "any labor day sales on tvs?",
      "the party is saturday",
      "I'm running a marathon",
      "my credit union raised its fees",
      "the new movie is coming out in june",
      "what's the date today",
      "those kicks are sick",
      "is 80% battery health bad for a two year old laptop",
      "how do i get fingerprints off a stainless steel fridge",
      "ideas for a one shot dnd campaign",
      "do the saints have a shot at the playoffs this season",
      "i lent my brother my car for the weekend",
      "where is my order confirmation email"})
  void benignKeywordTraps_areNotSensitive(String text) {
    Classification c = classifier.classify(text);
    assertFalse(c.isSensitive(), text + " -> " + c);
  }

  @Test
  void voiceTranscript_classifiesLikeTypedText() {
    Classification typed = classifier.classify(
        "I want to go hiking in the Rockies next weekend. What trails do you recommend?");
    Classification voice = classifier.classify(
        "um i want to go like hiking in the rockies uh next weekend you know what trails do you recommend");
    assertEquals(typed, voice);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "?!", "um uh"})
  void emptyOrFillerOnlyText_givesEmptyClassification(String text) {
    assertSame(Classification.EMPTY, classifier.classify(text));
  }

  @Test
  void nullText_givesEmptyClassification() {
    assertSame(Classification.EMPTY, classifier.classify(null));
  }

  @Test
  void politicsTopic_isReportedAsPoliticalOpinionToo() {
    Classification c = classifier.classify("what does congress do all day");
    assertTrue(c.sensitiveCategories().contains(SensitiveCategory.POLITICAL_OPINION), c.toString());
  }

  @Test
  void v22Traps_areNotSensitive_butTheSameWordsStillAreInADisclosure() {
    for (String trap : List.of("Can I substitute kosher salt for table salt in bread?",
        "Birthday gift for my friend who's a Cancer? Something zodiac-themed",
        "um is there a tropical depression forming near florida this weekend",
        "My wool sweater has pills all over it, how do I remove them?",
        "a weekend of retail therapy at the outlet malls",
        "My Instagram account got disabled overnight, how do I appeal?",
        "check engine light came on, is there a cheap way to diagnose it",
        "Need a gift for a coworker named Faith who loves candles",
        "how long is the flight from miami to saint lucia",
        "Gene from accounting wants a spreadsheet formula",
        "explain how a genetic algorithm handles crossover and mutation",
        "whats the best way to train for a turkey trot race on thanksgiving",
        "which marvin gay album should i start with",
        "Best closet organizer system for a small walk-in closet",
        "explain rugby union scoring to me", "if a recipe says two fifty grams how many cups is that",
        "My coworker Mohammed is shipping a pallet to Rotterdam")) {
      assertFalse(classifier.classify(trap).isSensitive(), trap + " -> " + classifier.classify(trap));
    }
    for (String disclosure : List.of("I was diagnosed with breast cancer last month",
        "my depression is worse in winter", "I forgot my pills this morning", "my therapist wants weekly sessions",
        "I keep my faith even when it is hard", "I am in the closet at work", "our union is going on strike")) {
      assertTrue(classifier.classify(disclosure).isSensitive(), disclosure);
    }
  }

  @Test
  void anAdsSensitiveTopic_addsNoCategory_whenItsKeywordWasATrap() {
    // "trump" makes /News/Politics a topic, but the sensitive lexicon knows the card-game sense
    Classification c = classifier.classify("In Euchre, how is the trump suit chosen when everyone passes?");
    assertTrue(c.topics().stream().anyMatch(t -> t.topicId() == 247), c.toString());
    assertFalse(c.isSensitive(), c.toString());
    assertTrue(classifier.classify("what did trump say in the debate").isSensitive());
  }

  @Test
  void identityStatements_revealEthnicity_evenBesideACuisineOrATrip() {
    for (String text : List.of("im half korean and i lost my grandmas kimchi recipe",
        "my dad is ethiopian and we are planning a heritage trip", "I'm Lakota and want to find powwows")) {
      assertEquals(Set.of(SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN), classifier.classify(text).sensitiveCategories(), text);
    }
    assertFalse(classifier.classify("whats a good korean recipe for tonight").isSensitive());
  }

  /* Disclosures by practice that lexicon v2.4 missed; HybridClassifierTest checks the hybrid keeps them. */
  static final Map<String, SensitiveCategory> PRACTICES = Map.of(
      "spent saturday door knocking for the lib dems and my feet are done", SensitiveCategory.POLITICAL_OPINION,
      "got kettled at the demo in london and missed my train, can i get a refund", SensitiveCategory.POLITICAL_OPINION,
      "we went to mass then brunch, any good spots nearby", SensitiveCategory.RELIGION_OR_BELIEF,
      "my husband and i (both men) want a honeymoon spot that feels safe", SensitiveCategory.SEX_LIFE_OR_ORIENTATION);

  /* Each disclosure below was missed by lexicon v2.4; each trap reads like one of v2.5's first phrases. */
  @Test
  void v25Practices_revealTheirCategory_withoutTheCategorysName() {
    Map<String, SensitiveCategory> disclosures = new java.util.HashMap<>(PRACTICES);
    disclosures.put("we keep separate sinks for meat and dairy, which faucet should i get", SensitiveCategory.RELIGION_OR_BELIEF);
    disclosures.put("were doing a work to rule from monday, what does that mean for overtime",
        SensitiveCategory.TRADE_UNION_MEMBERSHIP);
    disclosures.put("how do i set up voice match on the kitchen speaker so it knows me", SensitiveCategory.BIOMETRIC);
    disclosures.put("my dads side is choctaw and we want to visit durant this summer", SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN);
    disclosures.forEach((text, expected) ->
        assertTrue(classifier.classify(text).sensitiveCategories().contains(expected), text + " -> " + classifier.classify(text)));
    for (String trap : List.of("we were dining at a nice place downtown last night", "im dining out tonight, any ideas",
        "will this script work to rule out duplicate rows", "private equity due diligence checklist",
        "my local card shop has new pokemon packs", "a holiday card drive at the school this december",
        "im going to mass email the team about the offsite", "gaining mass every week on this bulk",
        "we are camping from friday sundown to sunday", "we need volunteers for our party on saturday",
        "volunteered for labor day weekend shifts", "a job canvassing for a solar company, is it worth it",
        "i joined the march madness pool at work", "two grooming appointments for the dogs this week",
        "im panning and zooming in the video editor", "how do i change my gait to land midfoot",
        "does my voice match the character in the audiobook", "writing a brand voice profile for our startup",
        "what won at the screen actors guild awards", "we watched midnight mass on netflix, so creepy")) {
      assertFalse(classifier.classify(trap).isSensitive(), trap + " -> " + classifier.classify(trap));
    }
  }

  @Test
  void keywordCues_nameWhereEachUncancelledKeywordMatched() {
    SensitiveLexicon lexicon = SensitiveLexicon.load(SensitiveLexicon.DEFAULT_RESOURCE);
    SensitiveLexicon.Detection d = lexicon.inspect(TextNormalizer.tokenize("As a diabetic, which hiking snacks should I pack?"));
    assertTrue(d.cues().contains(new SensitiveLexicon.Cue(SensitiveCategory.HEALTH, 2, 1)), d.toString());
    SensitiveLexicon.Detection trap = lexicon.inspect(TextNormalizer.tokenize("my laptop caught a virus"));
    assertEquals(Set.of(SensitiveCategory.HEALTH), trap.trapped());
    assertTrue(trap.cues().isEmpty(), "a keyword in a trap context is no cue: " + trap);
  }

  @Test
  void version_namesTheLexicon() {
    assertEquals("lexicon-v2.6", classifier.version());
  }
}
