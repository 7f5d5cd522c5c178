package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconFilesTest {
  private final Taxonomy taxonomy = Taxonomy.loadDefault();

  @Test
  void shippedLexicons_compile() {
    SensitiveLexicon.load(SensitiveLexicon.DEFAULT_RESOURCE);
    TopicLexicon.load(taxonomy, TopicLexicon.DEFAULT_RESOURCE);
  }

  @Test
  void sensitiveLexicon_rejectsUnknownCategoryAndBadWeight_namingTheLine() {
    IllegalStateException category = assertThrows(IllegalStateException.class,
        () -> sensitive("# c", "HEALTH\t1\tflu", "WEALTH\t1\tmoney"));
    assertTrue(category.getMessage().contains("line 3"), category.getMessage());
    assertThrows(IllegalStateException.class, () -> sensitive("HEALTH\t2\tflu"));
    assertThrows(IllegalStateException.class, () -> sensitive("HEALTH\t0\tflu"));
    assertThrows(IllegalStateException.class, () -> sensitive("HEALTH\t1\t"));
  }

  @Test
  void weakCues_needASecondCue() {
    SensitiveLexicon lexicon = sensitive("POLITICAL_OPINION\t0.5\tgovernment; policy");
    assertTrue(lexicon.detect(TextNormalizer.tokenize("government jobs near me")).isEmpty());
    assertEquals(Set.of(SensitiveCategory.POLITICAL_OPINION),
        lexicon.detect(TextNormalizer.tokenize("the government changed its policy")));
  }

  @Test
  void contextRule_cancelsOnlyItsOwnEntry() {
    SensitiveLexicon lexicon = sensitive("HEALTH\t1\tvirus\tlaptop", "HEALTH\t1\tfever");
    assertTrue(lexicon.detect(TextNormalizer.tokenize("my laptop has a virus")).isEmpty());
    assertEquals(Set.of(SensitiveCategory.HEALTH),
        lexicon.detect(TextNormalizer.tokenize("my laptop has a virus and I have a fever")));
  }

  @Test
  void contextRule_marksTheCategoryTrapped_unlessItsSenseIsTheSame() {
    SensitiveLexicon lexicon = sensitive("HEALTH\t1\tcancer\tzodiac", "RACIAL_OR_ETHNIC_ORIGIN\t1\tmexican\trecipe\tsame");
    SensitiveLexicon.Detection zodiac = lexicon.inspect(TextNormalizer.tokenize("gift for a cancer, zodiac themed"));
    assertEquals(Set.of(), zodiac.found());
    assertEquals(Set.of(SensitiveCategory.HEALTH), zodiac.trapped());
    SensitiveLexicon.Detection recipe = lexicon.inspect(TextNormalizer.tokenize("a mexican recipe for tonight"));
    assertEquals(Set.of(), recipe.found());
    assertEquals(Set.of(), recipe.trapped());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sensitive("HEALTH\t1\tflu\tshot\tmaybe"));
    assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("sense"), e.getMessage());
  }

  /*
   * Words match by stem, so a context that stems like its own term ("trumps" for "trump") cancels
   * every match, and a twin spelling left on a line without the context ("therapies" beside
   * "therapy ... unless retail therapy") matches regardless. Both happened once; neither may again.
   */
  @Test
  void shippedContexts_neverCancelTheirOwnTerms_norLeaveAStemTwinUncancelled() {
    List<LexiconFile.Line> lines = LexiconFile.read(SensitiveLexicon.DEFAULT_RESOURCE);
    List<String> problems = new java.util.ArrayList<>();
    for (LexiconFile.Line line : lines) {
      if (line.field(3).isEmpty()) {
        continue;
      }
      Set<String> stems = singleWordStems(line.field(2));
      for (String context : SensitiveLexicon.splitList(line.field(3))) {
        if (!context.contains(" ") && stems.contains(Stemmer.stem(context))) {
          problems.add("line " + line.number() + ": context '" + context + "' cancels its own term");
        }
      }
      for (LexiconFile.Line other : lines) {
        boolean sameRule = other.field(3).equals(line.field(3)) && other.field(1).equals(line.field(1));
        if (other == line || !other.field(0).equals(line.field(0)) || sameRule
            || Double.parseDouble(other.field(1)) < Double.parseDouble(line.field(1))) {
          continue;
        }
        for (String twin : singleWordStems(other.field(2))) {
          if (stems.contains(twin)) {
            problems.add("line " + line.number() + ": '" + twin + "' also matches on line " + other.number()
                + " without its contexts");
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static Set<String> singleWordStems(String phrases) {
    Set<String> stems = new java.util.HashSet<>();
    for (String p : SensitiveLexicon.splitList(phrases)) {
      if (!p.contains(" ") && !p.contains("{") && !p.startsWith("=")) {
        stems.add(Stemmer.stem(p));
      }
    }
    return stems;
  }

  @Test
  void doubtContexts_compile_andNameABadLine() {
    DoubtContexts shipped = DoubtContexts.load(DoubtContexts.DEFAULT_RESOURCE);
    assertTrue(shipped.doubted(TextNormalizer.tokenize("the vet said our cat is sick")).contains(SensitiveCategory.HEALTH));
    assertEquals(Set.of(), shipped.doubted(TextNormalizer.tokenize("i was diagnosed with diabetes last week")));
    DoubtContexts one = DoubtContexts.compile(LexiconFile.parse("test", List.of("GENETIC\tjava; class")));
    assertEquals(Set.of(SensitiveCategory.GENETIC), one.doubted(TextNormalizer.tokenize("inherited fields in a Java class")));
    assertEquals(Set.of(), one.doubted(TextNormalizer.tokenize("my inherited condition")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DoubtContexts.compile(LexiconFile.parse("test", List.of("GENETIC\tjava", "GENES\tx"))));
    assertTrue(e.getMessage().contains("test line 2"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> DoubtContexts.compile(LexiconFile.parse("test", List.of("HEALTH\t "))));
  }

  @Test
  void topicLexicon_rejectsUnknownTopicId_namingTheLine() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TopicLexicon.compile(taxonomy, LexiconFile.parse("test", List.of("472\t1\ttrail", "99999\t1\tx"))));
    assertTrue(e.getMessage().contains("test line 2"), e.getMessage());
  }

  @Test
  void phraseSpecs_expandAlternatives() {
    assertEquals(List.of("black man", "black people", "white man", "white people"),
        PhraseIndex.expand("{black|white} {man|people}"));
  }

  @Test
  void clinicalSuffixes_recognizeDiseasesAndDrugsButNotEverydayWords() {
    for (String word : List.of("spondylitis", "thalassemias", "melanoma", "clindamycin", "captopril", "neuropathy")) {
      assertTrue(ClinicalSuffixes.isClinical(word), word);
    }
    for (String word : List.of("diploma", "academia", "empathy", "purposes", "politics", "exotic", "april")) {
      assertTrue(!ClinicalSuffixes.isClinical(word), word);
    }
  }

  private static SensitiveLexicon sensitive(String... lines) {
    return SensitiveLexicon.compile(LexiconFile.parse("test", List.of(lines)));
  }
}
