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
