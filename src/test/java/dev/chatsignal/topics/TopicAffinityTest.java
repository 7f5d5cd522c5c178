package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicAffinityTest {
  private static final String HEADER = "source_topic_id,target_topic_id,weight,reason";
  private final Taxonomy taxonomy = Taxonomy.loadDefault();
  private final TopicAffinity affinity = TopicAffinity.loadDefault(taxonomy);

  @Test
  void noEdge_everLeadsIntoOrOutOfAnAdsSensitiveTopic() {
    assertFalse(affinity.all().isEmpty());
    for (TopicAffinity.AffinityEdge edge : affinity.all()) {
      assertFalse(taxonomy.isAdsSensitive(edge.targetTopicId()), "target of " + edge);
      assertFalse(taxonomy.isAdsSensitive(edge.sourceTopicId()), "source of " + edge);
    }
  }

  @Test
  void hikingAndCamping_reachesBootsBackpacksAndSportingGoods() {
    Set<Integer> targets = affinity.edgesFrom(472).stream()
        .map(TopicAffinity.AffinityEdge::targetTopicId).collect(Collectors.toSet());
    assertTrue(targets.containsAll(Set.of(587, 623, 611, 585, 586)), targets.toString());
    assertEquals(587, affinity.edgesFrom(472).get(0).targetTopicId(), "boots are the strongest link");
  }

  @Test
  void everyEdge_hasWeightInRangeAReasonAndIsNotAHierarchyLink() {
    for (TopicAffinity.AffinityEdge e : affinity.all()) {
      assertTrue(e.weight() > 0 && e.weight() <= 1, e.toString());
      assertFalse(e.reason().isBlank(), e.toString());
      assertFalse(taxonomy.isAncestor(e.sourceTopicId(), e.targetTopicId()), e.toString());
      assertFalse(taxonomy.isAncestor(e.targetTopicId(), e.sourceTopicId()), e.toString());
    }
    assertEquals("affinity-v1", affinity.version());
  }

  @Test
  void unlinkedTopic_hasNoEdges() {
    assertTrue(affinity.edgesFrom(99_999).isEmpty());
  }

  @Test
  void loader_rejectsEdgeIntoSensitiveTopic_namingTheLine() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> load("# comment", HEADER, "472,587,0.9,boots", "160,611,0.5,x", "472,247,0.5,politics"));
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
  }

  @Test
  void loader_rejectsSensitiveTopicAsSource() {
    assertThrows(IllegalStateException.class, () -> load(HEADER, "539,229,0.5,medical school -> colleges"));
  }

  @Test
  void loader_rejectsUnknownIdsBadWeightsHierarchyAndDuplicates() {
    List<String> bad = List.of("472,99999,0.5,unknown", "472,587,0,zero weight", "472,587,1.5,too big",
        "472,587,abc,not a number", "472,201,0.5,parent", "472,472,0.5,self", "472,587,0.5,",
        "472,587");
    for (String line : bad) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> load(HEADER, line), line);
      assertTrue(e.getMessage().contains("test line 2"), e.getMessage());
    }
    assertThrows(IllegalStateException.class, () -> load(HEADER, "472,587,0.5,a", "472,587,0.6,b"));
  }

  @Test
  void loader_acceptsQuotedReasonsWithCommas() {
    TopicAffinity ok = load(HEADER, "472,587,0.9,\"boots, for trails\"");
    assertEquals("boots, for trails", ok.all().get(0).reason());
  }

  private TopicAffinity load(String... lines) {
    return TopicAffinity.fromLines(taxonomy, "test", "test", List.of(lines));
  }
}
