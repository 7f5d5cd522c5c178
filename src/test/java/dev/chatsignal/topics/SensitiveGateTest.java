package dev.chatsignal.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveGateTest {

  @Test
  void shippedWeights_areTheFitOfTheShippedExamples() {
    try (SentenceEncoder encoder = new SentenceEncoder()) {
      PrototypeVectors vectors = PrototypeVectors.load(encoder);
      Map.Entry<List<String>, int[]> examples = SensitiveGate.examples();
      String digest = SensitiveGate.digest(vectors.modelId(), examples);
      SoftmaxRegression stored = SensitiveGate.MODEL.read(
          SensitiveGate.class.getResourceAsStream(SensitiveGate.MODEL.resource()), digest);
      assertNotNull(stored, "regenerate sensitive_gate_v1.bin with FittedModelsWriter");
      assertEquals(SensitiveGate.fit(vectors, examples), stored, "a fresh fit gives the shipped weights");
    }
  }

  @Test
  void weightsFile_roundTrips_andAStaleStampIsIgnored() throws IOException {
    SoftmaxRegression model = SoftmaxRegression.fit(new float[][] {{1, 0}, {0, 1}, {0.6f, 0.8f}}, new int[] {0, 1, 1},
        2, 0.01, 50, 1.0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SensitiveGate.MODEL.write(model, "abc", out);
    assertEquals(model, SensitiveGate.MODEL.read(new ByteArrayInputStream(out.toByteArray()), "abc"));
    assertNull(SensitiveGate.MODEL.read(new ByteArrayInputStream(out.toByteArray()), "abd"));
  }

  @Test
  void fit_separatesTwoLabels_andIsDeterministic() {
    float[][] x = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}};
    int[] y = {0, 0, 1, 1};
    SoftmaxRegression a = SoftmaxRegression.fit(x, y, 2, 0.001, 200, 1.0);
    assertEquals(a, SoftmaxRegression.fit(x, y, 2, 0.001, 200, 1.0));
    assertEquals(0, a.probabilities(new float[] {0.95f, 0.05f})[1], 0.05);
    assertEquals(1, a.probabilities(new float[] {0.05f, 0.95f})[1], 0.05);
    assertThrows(IllegalArgumentException.class, () -> a.probabilities(new float[3]));
    assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.fit(x, new int[] {0}, 2, 0, 1, 1));
  }
}
