package dev.chatsignal.topics;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a larger sentence encoder would buy the interest topics, and what it would cost: the topic model is
 * fitted exactly as {@link TopicGate} is (same examples, same settings) on bge-small-en-v1.5 (12 layers,
 * quantized, CLS pooling) instead of all-MiniLM-L6-v2 (6 layers), blended the same way with the lexicon and
 * the nearest-example ranking, and scored like {@code make eval}; then both encoders are timed on the same
 * texts, interleaved. {@code make eval-encoders} runs it pinned to one core, with bge-small on the classpath
 * (Maven profile {@code bge}); it is not part of the product or of {@code make test}. Texts are never printed.
 */
public final class EncoderComparison {
  static final String BGE = "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel";

  private EncoderComparison() {}

  public static void main(String[] args) throws Exception {
    Taxonomy taxonomy = Taxonomy.loadDefault();
    EmbeddingModel bge = (EmbeddingModel) Class.forName(BGE).getDeclaredConstructor().newInstance();
    try (HybridClassifier hybrid = new HybridClassifier(taxonomy); SentenceEncoder minilm = new SentenceEncoder()) {
      Map.Entry<List<String>, int[]> examples = TopicGate.examples(taxonomy);
      long start = System.nanoTime();
      float[][] x = new float[examples.getKey().size()][];
      for (int i = 0; i < x.length; i++) {
        x[i] = bge.embed(TextNormalizer.normalized(examples.getKey().get(i))).content().vector();
      }
      SoftmaxRegression bgeTopics = TopicGate.MODEL.fit(x, examples.getValue(), taxonomy.size());
      System.out.printf(Locale.ROOT, "bge-small topic model fitted on %d examples in %.0f s%n", x.length,
          (System.nanoTime() - start) / 1e9);
      TextClassifier withBge = new TextClassifier() {
        @Override
        public Classification classify(String text) {
          HybridClassifier.Trace t = hybrid.trace(text);
          if (t == null) {
            return Classification.EMPTY;
          }
          double[] p = bgeTopics.probabilities(bge.embed(embeddedWords(text)).content().vector());
          return hybrid.decide(new HybridClassifier.Trace(t.lexicon(), t.trapped(), t.doubted(),
              t.sensitiveProbabilities(), t.topicSimilarities(), p, t.keywordSenses()));
        }

        @Override
        public String version() {
          return "bge-small topics";
        }
      };
      System.out.println("== interest top-3 (top-1), same examples, settings and blend; only the encoder differs");
      System.out.printf("  %-24s %5s  %-15s  %-15s%n", "set", "rows", "all-MiniLM-L6", "bge-small-en");
      List<String> texts = new ArrayList<>();
      for (Map.Entry<String, List<Map<String, String>>> set : sets().entrySet()) {
        InterestScore a = InterestScore.measure(hybrid, taxonomy, set.getValue());
        InterestScore b = InterestScore.measure(withBge, taxonomy, set.getValue());
        System.out.printf(Locale.ROOT, "  %-24s %5d  %.3f (%.3f)    %.3f (%.3f)%n", set.getKey(), a.rows(),
            a.top3(), a.top1(), b.top3(), b.top1());
        if (set.getKey().equals("shared-interest")) {
          set.getValue().forEach(r -> texts.add(embeddedWords(r.get("text"))));
        }
      }
      time(texts, minilm, bge);
    }
  }

  /* The words the classifier embeds: the first MAX_WORDS normalized words. */
  static String embeddedWords(String text) {
    String[] raw = TextNormalizer.tokenize(text).raw();
    return String.join(" ", Arrays.copyOf(raw, Math.min(raw.length, HybridClassifier.MAX_WORDS)));
  }

  private static Map<String, List<Map<String, String>>> sets() {
    Map<String, List<Map<String, String>>> sets = new LinkedHashMap<>();
    List<Map<String, String>> shared = EvalSet.read(EvalSet.sharedDataDir().resolve("interest_topics_eval.csv")).rows();
    sets.put("shared-interest", shared);
    sets.put("shared-interest-voice", ClassifierEval.transcripts(shared));
    Map<String, List<String>> heldOut = HeldOutChats.all();
    for (String name : "EFGIJLNOPQR".split("")) { // the sets whose topics were labelled one per chat
      sets.put("heldout-" + name, EvalSet.parse(heldOut.get(name)).rows());
    }
    return sets;
  }

  /* Both encoders on the same texts, interleaved so that machine load hits both alike; after a warm-up. */
  private static void time(List<String> texts, SentenceEncoder minilm, EmbeddingModel bge) {
    for (String t : texts.subList(0, Math.min(200, texts.size()))) {
      minilm.encode(t);
      bge.embed(t);
    }
    long[] a = new long[texts.size()];
    long[] b = new long[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      long t0 = System.nanoTime();
      minilm.encode(texts.get(i));
      long t1 = System.nanoTime();
      bge.embed(texts.get(i));
      b[i] = System.nanoTime() - t1;
      a[i] = t1 - t0;
    }
    Arrays.sort(a);
    Arrays.sort(b);
    System.out.printf(Locale.ROOT, "== encoder alone, ms per chat turn over %d shared interest turns (p50 / p99)%n",
        texts.size());
    System.out.printf(Locale.ROOT, "  all-MiniLM-L6-v2-q   %.2f / %.2f%n", a[a.length / 2] / 1e6, a[(int) (a.length * 0.99)] / 1e6);
    System.out.printf(Locale.ROOT, "  bge-small-en-v1.5-q  %.2f / %.2f%n", b[b.length / 2] / 1e6, b[(int) (b.length * 0.99)] / 1e6);
  }
}
