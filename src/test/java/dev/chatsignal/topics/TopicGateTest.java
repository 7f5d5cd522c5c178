package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicGateTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();

  /*
   * Re-fitting takes minutes, so this checks the stamp: the shipped weights were fitted to exactly the
   * shipped names, examples, model and settings. (SensitiveGateTest shows the same fit is bit for bit
   * reproducible; FittedModelsWriter regenerates this file.)
   */
  @Test
  void shippedWeights_areStampedWithTheShippedExamples_andRankHikingForAHikingChat() {
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      PrototypeVectors vectors = PrototypeVectors.load(encoder);
      Map.Entry<List<String>, int[]> examples = TopicGate.examples(TAXONOMY);
      assertEquals(TAXONOMY.size() + 119 + 1288 + 1407, examples.getValue().length);
      SoftmaxRegression stored = TopicGate.MODEL.read(TopicGate.class.getResourceAsStream(TopicGate.MODEL.resource()),
          TopicGate.digest(vectors.modelId(), examples));
      assertNotNull(stored, "regenerate topic_gate_v1.bin with FittedModelsWriter");
      TopicGate gate = new TopicGate(TAXONOMY.all(), stored);
      double[] p = gate.probabilities(encoder.encode("which trail should we take for a two day trek with a tent"));
      int best = 0;
      for (int i = 1; i < p.length; i++) {
        best = p[i] > p[best] ? i : best;
      }
      assertEquals(472, gate.topicAt(best).id(), "Hiking & Camping");
    }
  }

  @Test
  void weightsFile_roundTrips_andAStaleStampIsIgnored() throws IOException {
    SoftmaxRegression model = SoftmaxRegression.fit(new float[][] {{1, 0}, {0, 1}}, new int[] {0, 1}, 2, 0.01, 20, 1.0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TopicGate.MODEL.write(model, "stamp", out);
    assertEquals(model, TopicGate.MODEL.read(new ByteArrayInputStream(out.toByteArray()), "stamp"));
    assertNull(TopicGate.MODEL.read(new ByteArrayInputStream(out.toByteArray()), "other"));
    ByteArrayOutputStream sensitive = new ByteArrayOutputStream();
    SensitiveGate.MODEL.write(model, "stamp", sensitive);
    assertNull(TopicGate.MODEL.read(new ByteArrayInputStream(sensitive.toByteArray()), "stamp"), "another file's magic");
  }

  @Test
  void everyExampleNamesATaxonomyTopic() {
    Map.Entry<List<String>, int[]> examples = TopicGate.examples(TAXONOMY);
    assertTrue(java.util.Arrays.stream(examples.getValue()).allMatch(i -> i >= 0 && i < TAXONOMY.size()));
  }
}
