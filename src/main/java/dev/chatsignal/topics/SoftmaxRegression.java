package dev.chatsignal.topics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Multinomial logistic regression over sentence embeddings, fitted by full-batch gradient descent from
 * zero weights, so that the same examples always give the same model (no random initialisation, no
 * shuffling).
 *
 * <p>Why this and not the nearest example: the nearest example answers "which one sentence is this
 * like", and one close look-alike decides. A linear model weighs every example of every label at once;
 * on held-out chats it found more disclosures at fewer false alarms (docs/classifier.md). Inputs are
 * unit vectors; they are multiplied by {@link #INPUT_SCALE} while fitting so that a plain step size
 * converges in a few hundred steps. Immutable and thread-safe after fitting.
 */
final class SoftmaxRegression {
  /* Embedding components are about 1/sqrt(384); scaled up they give the gradient a usable size. */
  static final float INPUT_SCALE = 20f;

  private final int dims;
  private final int labels;
  /* weights by dimension, byDim[j * labels + label] (inference sweeps all labels per input) */
  private final float[] byDim;
  private final float[] bias;

  /** @param weights by label, {@code weights[label * dims + j]}, as fitted and as stored */
  private SoftmaxRegression(int dims, int labels, float[] weights, float[] bias) {
    this.dims = dims;
    this.labels = labels;
    this.bias = bias;
    this.byDim = new float[weights.length];
    for (int k = 0; k < labels; k++) {
      for (int j = 0; j < dims; j++) {
        byDim[j * labels + k] = weights[k * dims + j];
      }
    }
  }

  /**
   * Fits the model.
   *
   * @param x one unit vector per example, all of the same length
   * @param y the label of each example, in {@code [0, labels)}
   * @param l2 weight decay
   * @param steps full-batch gradient steps
   * @param rate step size
   */
  static SoftmaxRegression fit(float[][] x, int[] y, int labels, double l2, int steps, double rate) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("examples: " + x.length + " vectors, " + y.length + " labels");
    }
    int n = x.length;
    int d = x[0].length;
    float[] w = new float[labels * d];
    float[] b = new float[labels];
    double[] p = new double[labels];
    double[] gw = new double[labels * d];
    double[] gb = new double[labels];
    for (int step = 0; step < steps; step++) {
      Arrays.fill(gw, 0);
      Arrays.fill(gb, 0);
      for (int i = 0; i < n; i++) {
        float[] xi = x[i];
        scores(w, b, xi, d, labels, INPUT_SCALE, p);
        softmax(p);
        p[y[i]] -= 1;
        for (int k = 0; k < labels; k++) {
          double g = p[k] / n;
          gb[k] += g;
          int off = k * d;
          for (int j = 0; j < d; j++) {
            gw[off + j] += g * xi[j] * INPUT_SCALE;
          }
        }
      }
      for (int k = 0; k < labels * d; k++) {
        w[k] -= (float) (rate * (gw[k] + l2 * w[k]));
      }
      for (int k = 0; k < labels; k++) {
        b[k] -= (float) (rate * gb[k]);
      }
    }
    for (int k = 0; k < w.length; k++) {
      w[k] *= INPUT_SCALE;
    }
    return new SoftmaxRegression(d, labels, w, b);
  }

  /** The probability of each label for {@code v}, summing to 1. */
  double[] probabilities(float[] v) {
    if (v.length != dims) {
      throw new IllegalArgumentException("vector: " + v.length + " dims (expected: " + dims + ")");
    }
    // one pass over the inputs, adding each to every label's score: a loop over contiguous labels,
    // which the JIT vectorizes (a dot product per label is a reduction it does not); 469 topics x 384
    // dims take about a fifth of the time
    float[] z = new float[labels];
    for (int j = 0; j < dims; j++) {
      float x = v[j];
      int base = j * labels;
      for (int k = 0; k < labels; k++) {
        z[k] += x * byDim[base + k];
      }
    }
    double[] p = new double[labels];
    for (int k = 0; k < labels; k++) {
      p[k] = z[k] + bias[k];
    }
    softmax(p);
    return p;
  }

  int labels() {
    return labels;
  }

  /** Writes the fitted weights (exactly; they read back equal). */
  void write(DataOutputStream out) throws IOException {
    out.writeInt(labels);
    out.writeInt(dims);
    for (int k = 0; k < labels; k++) {
      for (int j = 0; j < dims; j++) {
        out.writeFloat(byDim[j * labels + k]);
      }
    }
    for (float b : bias) {
      out.writeFloat(b);
    }
  }

  /** Reads weights written by {@link #write}. */
  static SoftmaxRegression read(DataInputStream in) throws IOException {
    int labels = in.readInt();
    int dims = in.readInt();
    if (labels < 2 || labels > 1_000 || dims < 1 || dims > 100_000) {
      throw new IOException("model shape " + labels + " x " + dims);
    }
    float[] weights = new float[labels * dims];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.readFloat();
    }
    float[] bias = new float[labels];
    for (int i = 0; i < labels; i++) {
      bias[i] = in.readFloat();
    }
    return new SoftmaxRegression(dims, labels, weights, bias);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SoftmaxRegression m && m.dims == dims && m.labels == labels
        && Arrays.equals(m.byDim, byDim) && Arrays.equals(m.bias, bias);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(byDim) + Arrays.hashCode(bias);
  }

  private static void scores(float[] w, float[] b, float[] v, int d, int labels, float scale, double[] out) {
    for (int k = 0; k < labels; k++) {
      double s = 0;
      int off = k * d;
      for (int j = 0; j < d; j++) {
        s += w[off + j] * v[j];
      }
      out[k] = s * scale + b[k];
    }
  }

  private static void softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = StrictMath.exp(z[k] - max); // StrictMath: the same bits interpreted or compiled
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
  }
}
