package dev.chatsignal.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The classifier evaluation behind {@code make eval}: runs the lexicon baseline and the hybrid
 * classifier on the shared labeled sets, their transcript-style copies and this package's held-out
 * chats; prints per-category recall, false alarms, interest top-1/top-3, latency p50/p99, the
 * recall/false-alarm curve over the embedding threshold and a confidence calibration table; writes the
 * same as JSON to {@code target/eval/classifier_eval.json}. {@code stride > 1} keeps every stride-th
 * row (the fixed subset the unit test runs). Test-scope tool; texts are never written out.
 */
final class ClassifierEval {
  static final long TRANSCRIPT_SEED = 20251216L;
  static final double[] CURVE_THRESHOLDS = {0.30, 0.40, 0.50, 0.56, 0.60, 0.62, 0.64, 0.66, 0.68, 0.70, 0.75, 0.80, 0.90, 1.01};

  /** Figures for one data set under one classifier. */
  record SetFigures(String set, String classifier, SensitiveScore sensitive, InterestScore interest) {}

  /** Everything one run measured. */
  record Result(List<SetFigures> figures, Map<String, double[]> latencyMs, List<double[]> curve,
      List<double[]> calibration, String hybridVersion) {
    SetFigures find(String set, String classifier) {
      return figures.stream().filter(f -> f.set().equals(set) && f.classifier().equals(classifier))
          .findFirst().orElseThrow();
    }
  }

  private final Taxonomy taxonomy;
  private final LexiconClassifier lexicon;
  private final HybridClassifier hybrid;
  private final Map<String, HybridClassifier.Trace> traces = new HashMap<>();
  private final List<Long> hybridNanos = new ArrayList<>();
  private final List<Long> lexiconNanos = new ArrayList<>();

  ClassifierEval(Taxonomy taxonomy, LexiconClassifier lexicon, HybridClassifier hybrid) {
    this.taxonomy = taxonomy;
    this.lexicon = lexicon;
    this.hybrid = hybrid;
  }

  public static void main(String[] args) throws IOException {
    int stride = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int maxWords = args.length > 1 ? Integer.parseInt(args[1]) : HybridClassifier.MAX_WORDS;
    Taxonomy taxonomy = Taxonomy.loadDefault();
    long start = System.nanoTime();
    try (HybridClassifier hybrid = new HybridClassifier(taxonomy, maxWords)) {
      System.out.printf("hybrid classifier constructed in %.0f ms%n", (System.nanoTime() - start) / 1e6);
      Result result = new ClassifierEval(taxonomy, new LexiconClassifier(taxonomy), hybrid).run(stride);
      print(result);
      Path out = Path.of("target", "eval", maxWords == HybridClassifier.MAX_WORDS
          ? "classifier_eval.json" : "classifier_eval_max_words_" + maxWords + ".json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, toJson(result), StandardCharsets.UTF_8);
      System.out.println("wrote " + out.toAbsolutePath());
    }
  }

  /** Runs every set under both classifiers. */
  Result run(int stride) {
    Map<String, List<Map<String, String>>> sets = new LinkedHashMap<>();
    List<Map<String, String>> sensitive = every(stride,
        EvalSet.read(EvalSet.sharedDataDir().resolve("sensitive_topics_eval.csv")).rows());
    List<Map<String, String>> interest = every(stride,
        EvalSet.read(EvalSet.sharedDataDir().resolve("interest_topics_eval.csv")).rows());
    sets.put("shared-sensitive", sensitive);
    sets.put("shared-interest", interest);
    sets.put("shared-sensitive-voice", transcripts(sensitive));
    sets.put("shared-interest-voice", transcripts(interest));
    HeldOutChats.all().forEach((name, lines) -> sets.put("heldout-" + name, EvalSet.parse(lines).rows()));
    String external = System.getProperty("chatsignal.eval.external", "");
    if (!external.isEmpty()) {
      // a held-out file outside the repository, scored as is (texts never printed); not in the grid
      sets.put("external-" + Path.of(external).getFileName(), EvalSet.read(Path.of(external)).rows());
    }
    warmUp(interest);
    List<SetFigures> figures = new ArrayList<>();
    Map<String, TextClassifier> classifiers = new LinkedHashMap<>();
    classifiers.put(LexiconClassifier.VERSION, adapter(LexiconClassifier.VERSION, this::classifyLexicon));
    classifiers.put(hybrid.version(), adapter(hybrid.version(), this::classifyTraced));
    for (Map.Entry<String, List<Map<String, String>>> set : sets.entrySet()) {
      String source = set.getKey().startsWith("shared") ? "source_dataset" : "kind";
      for (Map.Entry<String, TextClassifier> c : classifiers.entrySet()) {
        boolean labeledSensitive = set.getValue().stream().anyMatch(r -> r.containsKey("sensitive_category"));
        SensitiveScore s = labeledSensitive && !set.getKey().contains("interest")
            ? SensitiveScore.measure(c.getValue(), set.getValue(), source) : null;
        InterestScore i = set.getValue().stream().anyMatch(r -> r.containsKey("topics_v2_id"))
            ? InterestScore.measure(c.getValue(), taxonomy, set.getValue()) : null;
        figures.add(new SetFigures(set.getKey(), c.getKey(), s, i));
      }
    }
    Map<String, double[]> latency = new LinkedHashMap<>();
    latency.put(LexiconClassifier.VERSION, percentiles(lexiconNanos));
    latency.put(hybrid.version(), percentiles(hybridNanos));
    List<double[]> curve = curve(List.of(sets.get("shared-sensitive"), sets.get("shared-sensitive-voice")));
    if (Boolean.getBoolean("chatsignal.eval.grid")) {
      printGrid(sets);
    }
    List<double[]> labeled = labeledTopics(interest);
    double[] platt = plattFit(labeled);
    System.out.printf(Locale.ROOT, "platt refit on this run: slope %.3f offset %.3f (shipped %.3f, %.3f)%n",
        platt[0], platt[1], HybridClassifier.CALIBRATION_SLOPE, HybridClassifier.CALIBRATION_OFFSET);
    return new Result(figures, latency, curve, calibration(labeled), hybrid.version());
  }

  private static TextClassifier adapter(String version, java.util.function.Function<String, Classification> f) {
    return new TextClassifier() {
      @Override
      public Classification classify(String text) {
        return f.apply(text);
      }

      @Override
      public String version() {
        return version;
      }
    };
  }

  private Classification classifyTraced(String text) {
    HybridClassifier.Trace trace = traces.get(text);
    if (trace == null && !traces.containsKey(text)) {
      long t0 = System.nanoTime();
      trace = hybrid.trace(text);
      if (trace != null) {
        hybrid.decide(trace);
      }
      hybridNanos.add(System.nanoTime() - t0);
      traces.put(text, trace);
    }
    return trace == null ? Classification.EMPTY : hybrid.decide(trace);
  }

  private Classification classifyLexicon(String text) {
    long t0 = System.nanoTime();
    Classification c = lexicon.classify(text);
    lexiconNanos.add(System.nanoTime() - t0);
    return c;
  }

  private void warmUp(List<Map<String, String>> rows) {
    for (int i = 0; i < Math.min(100, rows.size()); i++) {
      hybrid.classify(rows.get(i).get("text") + " warm");
      lexicon.classify(rows.get(i).get("text"));
    }
  }

  /* Recall and false alarms of the union (lexicon OR embedding) over the embedding threshold. */
  /* Rows {threshold, recall, FA, worst category, FA set 0, FA set 1}. */
  private List<double[]> curve(List<List<Map<String, String>>> sets) {
    List<double[]> rows = new ArrayList<>();
    for (double threshold : CURVE_THRESHOLDS) {
      int positives = 0;
      int hits = 0;
      int none = 0;
      int alarms = 0;
      double[] worstCategory = {1};
      double[] alarmsBySet = new double[sets.size()];
      Map<String, int[]> byCategory = new HashMap<>();
      for (int k = 0; k < sets.size(); k++) {
        int setNone = 0;
        int setAlarms = 0;
        for (Map<String, String> row : sets.get(k)) {
          HybridClassifier.Trace trace = traces.get(row.get("text"));
          boolean flagged = trace != null
              && hybrid.decide(trace, threshold).isSensitive();
          String label = row.get("sensitive_category");
          if (label.equals("none")) {
            none++;
            alarms += flagged ? 1 : 0;
            setNone++;
            setAlarms += flagged ? 1 : 0;
          } else {
            positives++;
            hits += flagged ? 1 : 0;
            int[] c = byCategory.computeIfAbsent(label, key -> new int[2]);
            c[0] += flagged ? 1 : 0;
            c[1]++;
          }
        }
        alarmsBySet[k] = setAlarms / (double) Math.max(1, setNone);
      }
      byCategory.values().forEach(c -> worstCategory[0] = Math.min(worstCategory[0], c[0] / (double) c[1]));
      rows.add(new double[] {threshold, hits / (double) positives, alarms / (double) none, worstCategory[0],
          alarmsBySet[0], alarmsBySet.length > 1 ? alarmsBySet[1] : alarmsBySet[0]});
    }
    return rows;
  }

  /*
   * The curve behind the chosen threshold with held-out columns: recall and false alarms on the shared
   * sets (typed + voice), on held-out sets A-E pooled and on set H (keyword traps). Sets F and G are
   * left out: they are scored, never tuned on. Printed only.
   */
  void printGrid(Map<String, List<Map<String, String>>> sets) {
    List<List<Map<String, String>>> shared = List.of(sets.get("shared-sensitive"), sets.get("shared-sensitive-voice"));
    List<Map<String, String>> heldOut = new ArrayList<>();
    for (String name : List.of("heldout-A", "heldout-B", "heldout-C", "heldout-D", "heldout-E")) {
      heldOut.addAll(sets.get(name));
    }
    List<double[]> s = curve(shared);
    List<double[]> h = curve(List.of(heldOut));
    List<double[]> t = curve(List.of(sets.get("heldout-H")));
    List<double[]> k = curve(List.of(sets.get("heldout-K")));
    System.out.println("== threshold grid: threshold | shared recall FA-typed FA-voice | held-out A-E recall FA"
        + " | H recall FA | K FA");
    for (int i = 0; i < s.size(); i++) {
      System.out.printf(Locale.ROOT, "  %.2f | %.3f %.3f %.3f | %.3f %.3f | %.3f %.3f | %.3f%n", s.get(i)[0],
          s.get(i)[1], s.get(i)[4], s.get(i)[5], h.get(i)[1], h.get(i)[2], t.get(i)[1], t.get(i)[2], k.get(i)[2]);
    }
  }

  /*
   * Every topic the hybrid classifier gives a labelled interest row, as {confidence, 1 when right else 0}:
   * right is the labelled topic or one of its ancestors. Shared by the Platt refit and the calibration
   * table so that both describe the same judgement.
   */
  private List<double[]> labeledTopics(List<Map<String, String>> rows) {
    List<double[]> out = new ArrayList<>();
    for (Map<String, String> row : rows) {
      String label = row.get("topics_v2_id");
      if (label == null || label.isEmpty()) {
        continue;
      }
      int expected = Integer.parseInt(label);
      for (TopicScore t : classifyTraced(row.get("text")).topics()) {
        out.add(new double[] {t.confidence(), t.topicId() == expected || taxonomy.isAncestor(t.topicId(), expected) ? 1 : 0});
      }
    }
    return out;
  }

  /*
   * Platt scaling refit: a logistic regression of "right" on the raw topic score (recovered from the
   * shipped confidence), by Newton's method. Printed so the constants in HybridClassifier can be
   * checked against the data; returns {slope, offset}.
   */
  private static double[] plattFit(List<double[]> labeled) {
    List<double[]> pairs = new ArrayList<>();
    for (double[] topic : labeled) {
      double p = Math.min(topic[0], 1 - 1e-9);
      double score = HybridClassifier.CALIBRATION_OFFSET + Math.log(p / (1 - p)) / HybridClassifier.CALIBRATION_SLOPE;
      pairs.add(new double[] {score, topic[1]});
    }
    double a = 1;
    double b = 0;
    for (int iter = 0; iter < 50; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (double[] p : pairs) {
        double q = 1 / (1 + Math.exp(-(a * p[0] + b)));
        double w = q * (1 - q) + 1e-9;
        ga += (q - p[1]) * p[0];
        gb += q - p[1];
        haa += w * p[0] * p[0];
        hab += w * p[0];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      a -= (hbb * ga - hab * gb) / det;
      b -= (haa * gb - hab * ga) / det;
    }
    return new double[] {a, -b / a};
  }

  /* Reliability of topic confidences: per confidence bin, mean confidence vs share that are right. */
  private static List<double[]> calibration(List<double[]> labeled) {
    double[][] bins = new double[5][3]; // {sum confidence, right, count}
    for (double[] topic : labeled) {
      int b = Math.min(4, (int) (topic[0] * 5));
      bins[b][0] += topic[0];
      bins[b][1] += topic[1];
      bins[b][2]++;
    }
    List<double[]> out = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      double n = bins[b][2];
      out.add(new double[] {b / 5.0, (b + 1) / 5.0, n == 0 ? 0 : bins[b][0] / n, n == 0 ? 0 : bins[b][1] / n, n});
    }
    return out;
  }

  static List<Map<String, String>> transcripts(List<Map<String, String>> rows) {
    Random random = new Random(TRANSCRIPT_SEED);
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (Map<String, String> row : rows) {
      Map<String, String> copy = new HashMap<>(row);
      copy.put("text", TranscriptStyle.of(row.get("text"), random));
      out.add(copy);
    }
    return out;
  }

  private static List<Map<String, String>> every(int stride, List<Map<String, String>> rows) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += stride) {
      out.add(rows.get(i));
    }
    return out;
  }

  private static double[] percentiles(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return new double[] {0, 0, 0, 0};
    }
    return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
        Arrays.stream(sorted).average().orElse(0) / 1e6, sorted.length};
  }

  static void print(Result r) {
    for (SetFigures f : r.figures()) {
      String title = f.set() + " — " + f.classifier();
      if (f.sensitive() != null) {
        f.sensitive().printTable(title);
      }
      if (f.interest() != null) {
        System.out.printf("== interest: %-40s rows %4d  top-1 %.3f  top-3 %.3f  (top-3 incl. parent/child %.3f)%n",
            title, f.interest().rows(), f.interest().top1(), f.interest().top3(), f.interest().related3());
      }
    }
    System.out.println("== latency per chat turn (ms, one thread)");
    r.latencyMs().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-45s p50 %.3f  p99 %.3f  mean %.3f  n=%.0f%n",
        k, v[0], v[1], v[2], v[3]));
    System.out.println("== recall / false-alarm curve over the embedding probability threshold"
        + " (shared sensitive set, typed + voice; lexicon OR embedding)");
    System.out.println("  threshold  recall  false-alarms  worst-category-recall  FA-typed  FA-voice");
    for (double[] c : r.curve()) {
      System.out.printf(Locale.ROOT, "  %9.2f  %6.3f  %12.3f  %8.3f  %19.3f  %8.3f%s%n", c[0], c[1], c[2], c[3], c[4], c[5],
          c[0] == SensitiveGate.DEFAULT_THRESHOLD ? "   <- chosen" : c[0] > 1 ? "   (lexicon only)" : "");
    }
    System.out.println("== topic confidence calibration (shared interest set; right = label or its ancestor)");
    for (double[] b : r.calibration()) {
      System.out.printf(Locale.ROOT, "  [%.1f, %.1f)  mean confidence %.3f  right %.3f  n=%.0f%n", b[0], b[1], b[2], b[3], b[4]);
    }
  }

  static String toJson(Result r) {
    StringBuilder json = new StringBuilder("{\n  \"classifier\": \"").append(r.hybridVersion()).append("\",\n");
    json.append("  \"sets\": [\n");
    String sep = "";
    for (SetFigures f : r.figures()) {
      json.append(sep).append("    {\"set\": \"").append(f.set()).append("\", \"classifier\": \"")
          .append(f.classifier()).append('"');
      if (f.sensitive() != null) {
        json.append(", \"sensitive\": ").append(f.sensitive().toJson());
      }
      if (f.interest() != null) {
        json.append(", \"interest\": ").append(f.interest().toJson());
      }
      json.append('}');
      sep = ",\n";
    }
    json.append("\n  ],\n  \"latency_ms\": {");
    sep = "";
    for (Map.Entry<String, double[]> e : r.latencyMs().entrySet()) {
      double[] v = e.getValue();
      json.append(sep).append(String.format(Locale.ROOT, "\"%s\": {\"p50\": %.4f, \"p99\": %.4f, \"mean\": %.4f, \"n\": %.0f}",
          e.getKey(), v[0], v[1], v[2], v[3]));
      sep = ", ";
    }
    json.append("},\n  \"threshold_curve\": [");
    sep = "";
    for (double[] c : r.curve()) {
      json.append(sep).append(String.format(Locale.ROOT,
          "{\"threshold\": %.2f, \"recall\": %.4f, \"false_alarm_rate\": %.4f, \"worst_category_recall\": %.4f, "
              + "\"false_alarm_rate_typed\": %.4f, \"false_alarm_rate_voice\": %.4f}",
          c[0], c[1], c[2], c[3], c[4], c[5]));
      sep = ", ";
    }
    json.append("],\n  \"chosen_threshold\": ").append(SensitiveGate.DEFAULT_THRESHOLD)
        .append(", \"trapped_threshold\": ").append(HybridClassifier.TRAPPED_THRESHOLD).append(",\n  \"calibration\": [");
    sep = "";
    for (double[] b : r.calibration()) {
      json.append(sep).append(String.format(Locale.ROOT,
          "{\"from\": %.1f, \"to\": %.1f, \"mean_confidence\": %.4f, \"right\": %.4f, \"n\": %.0f}", b[0], b[1], b[2], b[3], b[4]));
      sep = ", ";
    }
    return json.append("]\n}\n").toString();
  }
}
