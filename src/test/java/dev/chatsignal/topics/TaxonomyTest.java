package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaxonomyTest {
  private final Taxonomy taxonomy = Taxonomy.loadDefault();

  @Test
  void shippedTaxonomy_hasAll469TopicsWithUniqueIds() {
    assertEquals(469, taxonomy.size());
    Set<Integer> ids = new HashSet<>();
    taxonomy.all().forEach(t -> assertTrue(ids.add(t.id()), "duplicate id " + t.id()));
  }

  @Test
  void everyParent_resolvesAndPathsExtendTheirParent() {
    for (Topic topic : taxonomy.all()) {
      if (topic.parentId() == 0) {
        assertEquals(1, topic.path().split("/").length - 1, topic.path());
        continue;
      }
      assertTrue(taxonomy.contains(topic.parentId()), "parent of " + topic.id());
      assertTrue(topic.path().startsWith(taxonomy.pathOf(topic.parentId()) + "/"), topic.path());
    }
  }

  @Test
  void politicsAndHealthNodes_areAdsSensitiveWithTheirCategory() {
    assertTrue(taxonomy.isAdsSensitive(247));
    assertEquals(SensitiveCategory.POLITICAL_OPINION, taxonomy.sensitiveCategoryOf(247).orElseThrow());
    for (int health : new int[] {160, 539, 553, 384}) {
      assertTrue(taxonomy.isAdsSensitive(health), "topic " + health);
      assertEquals(SensitiveCategory.HEALTH, taxonomy.sensitiveCategoryOf(health).orElseThrow());
    }
    assertEquals(SensitiveCategory.TRADE_UNION_MEMBERSHIP, taxonomy.sensitiveCategoryOf(560).orElseThrow());
  }

  @Test
  void sensitiveFlag_isInheritedBySubtreeButNotByParent() {
    Taxonomy flagged = taxonomyWithFlagOn(158); // /Finance/Insurance
    assertTrue(flagged.isAdsSensitive(159), "child Auto Insurance inherits");
    assertTrue(flagged.isAdsSensitive(163), "child Travel Insurance inherits");
    assertFalse(flagged.isAdsSensitive(149), "parent Finance does not");
    assertFalse(taxonomy.isAdsSensitive(158), "shipped list does not flag all insurance");
    assertFalse(taxonomy.isAdsSensitive(159));
  }

  @Test
  void ordinaryInterests_areNotAdsSensitive() {
    for (int id : new int[] {472, 587, 611, 623, 97, 392, 173, 334, 268}) {
      assertFalse(taxonomy.isAdsSensitive(id), taxonomy.pathOf(id));
    }
  }

  @Test
  void unknownTopic_isTreatedAsSensitive() {
    assertTrue(taxonomy.isAdsSensitive(99_999));
  }

  /* Rebuilds the shipped taxonomy with one extra flag, through the same inheritance rule. */
  private Taxonomy taxonomyWithFlagOn(int flaggedId) {
    var inherited = new java.util.HashMap<Integer, SensitiveCategory>();
    var topics = new java.util.ArrayList<Topic>();
    for (Topic t : taxonomy.all()) {
      boolean sensitive = t.adsSensitive() || t.id() == flaggedId || taxonomy.isAncestor(flaggedId, t.id());
      topics.add(new Topic(t.id(), t.parentId(), t.name(), t.path(), sensitive));
      if (sensitive) {
        inherited.put(t.id(), taxonomy.sensitiveCategoryOf(t.id()).orElse(SensitiveCategory.HEALTH));
      }
    }
    return new Taxonomy("test", topics, inherited);
  }
}
