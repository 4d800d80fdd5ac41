package dev.retrograd.demo.bench;

import java.util.Arrays;

/**
 * Variant (c), the floor: the same training on plain {@code double[]} arrays, with the gradients
 * written out by hand and no {@code Value} at all.
 *
 * <p>The whole batch goes through a layer at once. With a⁰ = x, z<sup>l</sup> = W<sup>l</sup>a<sup>l</sup>
 * + b<sup>l</sup>, a<sup>l+1</sup> = relu(z<sup>l</sup>) on hidden layers and scores s = z<sup>last</sup>:
 *
 * <pre>
 *   m_p = 1 − y_p·s_p,  L = (1/n)·Σ_p max(0, m_p) + α·Σ p²
 *   ∂L/∂s_p = −y_p/n if m_p &gt; 0, else 0
 *   δ^l = ∂L/∂z^l = ∂L/∂a^(l+1) ⊙ [z^l &gt; 0]   (hidden layers; the output layer is linear)
 *   ∂L/∂W^l[j][i] = 2α·W^l[j][i] + Σ_p δ^l[j][p]·a^l[i][p],   ∂L/∂b^l[j] = 2α·b^l[j] + Σ_p δ^l[j][p]
 *   ∂L/∂a^l[i][p] = Σ_j W^l[j][i]·δ^l[j][p]
 * </pre>
 *
 * <p>Activations are stored one array of n points per unit, {@code a[i][p]}, so that the forward pass
 * and ∂L/∂a are loops over whole arrays, which the JIT vectorizes.
 *
 * <p><b>Its numbers are those of the graphs, bit for bit:</b> every sum is accumulated in the order in
 * which {@code Value.backward()} accumulates it today (the penalty first, then the points from last
 * to first, and for ∂L/∂a the neurons from last to first), so floating-point rounding is the same.
 * (Another order would differ only in rounding; the benchmark asks for agreement to 1e-9.)
 */
final class HandWritten implements Trainer {

  private final double[] initial;
  private final int layers;
  private final int[] widths;
  private final double[] targets;
  /** W[l][j·fanIn + i]: layer l's weight from input i to neuron j. */
  private final double[][] weights;
  private final double[][] biases;
  private final double[][] weightGradients;
  private final double[][] biasGradients;
  /** z[l][j][p]: the weighted sum of layer l's neuron j for point p. */
  private final double[][][] sums;
  /** δ[l] = ∂L/∂z[l], laid out like z. */
  private final double[][][] deltas;
  /** a[0] = the points, a[l + 1] = the outputs of layer l; a[l][i][p]. */
  private final double[][][] activations;
  /** ∂L/∂a[l], laid out like a; [0] is not needed. */
  private final double[][][] activationGradients;

  HandWritten(MoonsTask task) {
    this.initial = task.initialParameters();
    this.layers = task.layers();
    this.widths = task.widths();
    int n = task.size();
    this.targets = new double[n];
    this.weights = new double[layers][];
    this.biases = new double[layers][];
    this.weightGradients = new double[layers][];
    this.biasGradients = new double[layers][];
    this.sums = new double[layers][][];
    this.deltas = new double[layers][][];
    this.activations = new double[layers + 1][][];
    this.activationGradients = new double[layers + 1][][];
    for (int l = 0; l < layers; l++) {
      int fanIn = widths[l];
      int fanOut = widths[l + 1];
      weights[l] = new double[fanOut * fanIn];
      weightGradients[l] = new double[fanOut * fanIn];
      biases[l] = new double[fanOut];
      biasGradients[l] = new double[fanOut];
      sums[l] = new double[fanOut][n];
      deltas[l] = new double[fanOut][n];
      activations[l + 1] = new double[fanOut][n];
      activationGradients[l + 1] = new double[fanOut][n];
    }
    activations[0] = new double[widths[0]][n];
    for (int p = 0; p < n; p++) {
      targets[p] = task.target(p);
      for (int i = 0; i < widths[0]; i++) {
        activations[0][i][p] = task.features(p)[i];
      }
    }
    reset();
  }

  @Override
  public String name() {
    return "(c) hand-written double[]";
  }

  @Override
  public void reset() {
    for (int l = 0, q = 0; l < layers; l++) {
      int fanIn = widths[l];
      for (int j = 0; j < biases[l].length; j++) {
        System.arraycopy(initial, q, weights[l], j * fanIn, fanIn);
        biases[l][j] = initial[q + fanIn];
        q += fanIn + 1;
      }
    }
  }

  @Override
  public double[] parameters() {
    double[] values = new double[initial.length];
    for (int l = 0, q = 0; l < layers; l++) {
      int fanIn = widths[l];
      for (int j = 0; j < biases[l].length; j++) {
        System.arraycopy(weights[l], j * fanIn, values, q, fanIn);
        values[q + fanIn] = biases[l][j];
        q += fanIn + 1;
      }
    }
    return values;
  }

  @Override
  public int nodesPerStep() {
    return 0;
  }

  @Override
  public double step(int k) {
    double invN = 1.0 / targets.length;
    double squares = penalty();
    for (int l = 0; l < layers; l++) {
      forward(l);
    }
    double dataLoss = hingeLoss(invN);
    for (int l = layers - 1; l >= 0; l--) {
      backward(l);
    }
    update(MoonsTask.learningRate(k));
    return dataLoss * invN + squares * MoonsTask.ALPHA;
  }

  /**
   * Returns Σ p² in the canonical order and sets every gradient to the penalty's share, 2α·p: the
   * graphs' node p·p sends α·p to each of its two inputs, both p.
   */
  private double penalty() {
    double squares = 0;
    for (int l = 0; l < layers; l++) {
      int fanIn = widths[l];
      double[] w = weights[l];
      double[] b = biases[l];
      double[] gw = weightGradients[l];
      double[] gb = biasGradients[l];
      for (int j = 0; j < b.length; j++) {
        for (int q = j * fanIn; q < (j + 1) * fanIn; q++) {
          squares += w[q] * w[q];
          double share = w[q] * MoonsTask.ALPHA;
          gw[q] = share + share;
        }
        squares += b[j] * b[j];
        double share = b[j] * MoonsTask.ALPHA;
        gb[j] = share + share;
      }
    }
    return squares;
  }

  /** z[j] = b[j] + W[j][0]·a[0] + W[j][1]·a[1] + …, in that order, for every point at once. */
  private void forward(int l) {
    int fanIn = widths[l];
    double[][] in = activations[l];
    double[] w = weights[l];
    double[] b = biases[l];
    for (int j = 0; j < b.length; j++) {
      double[] z = sums[l][j];
      Arrays.fill(z, b[j]);
      for (int i = 0; i < fanIn; i++) {
        addScaled(z, w[j * fanIn + i], in[i]);
      }
      double[] out = activations[l + 1][j];
      if (l < layers - 1) {
        for (int p = 0; p < out.length; p++) {
          out[p] = Math.max(z[p], 0.0);
        }
      } else {
        System.arraycopy(z, 0, out, 0, out.length);
      }
    }
  }

  /** target[p] += scale·x[p] for every p: the loop the JIT vectorizes. */
  private static void addScaled(double[] target, double scale, double[] x) {
    for (int p = 0; p < target.length; p++) {
      target[p] += scale * x[p];
    }
  }

  /** Returns Σ<sub>p</sub> max(0, 1 − y·s) and sets ∂L/∂s. */
  private double hingeLoss(double invN) {
    double[] scores = activations[layers][0];
    double[] scoreGradients = activationGradients[layers][0];
    double total = 0;
    for (int p = 0; p < scores.length; p++) {
      double y = targets[p];
      double margin = scores[p] * -y + 1;
      total += Math.max(margin, 0.0);
      scoreGradients[p] = -y * (margin > 0 ? invN : 0);
    }
    return total;
  }

  /** From ∂L/∂a[l + 1], adds ∂L/∂W and ∂L/∂b of layer l to the gradients and sets ∂L/∂a[l]. */
  private void backward(int l) {
    double[] gb = biasGradients[l];
    for (int j = 0; j < gb.length; j++) {
      double[] z = sums[l][j];
      double[] delta = deltas[l][j];
      double[] outGradient = activationGradients[l + 1][j];
      if (l < layers - 1) {
        for (int p = 0; p < delta.length; p++) {
          delta[p] = z[p] > 0 ? outGradient[p] : 0;
        }
      } else {
        System.arraycopy(outGradient, 0, delta, 0, delta.length);
      }
      double sum = gb[j];
      for (int p = delta.length - 1; p >= 0; p--) {
        sum += delta[p];
      }
      gb[j] = sum;
      addWeightGradients(l, j);
    }
    if (l > 0) {
      inputGradients(l);
    }
  }

  /**
   * Adds Σ<sub>p</sub> δ[j][p]·a[i][p] to ∂L/∂W[j][i] for every input i, the points from last to
   * first; four inputs at a time, so that four independent sums overlap in the CPU.
   */
  private void addWeightGradients(int l, int j) {
    int fanIn = widths[l];
    double[][] in = activations[l];
    double[] delta = deltas[l][j];
    double[] gw = weightGradients[l];
    int first = j * fanIn;
    int i = 0;
    for (; i + 4 <= fanIn; i += 4) {
      double[] a0 = in[i];
      double[] a1 = in[i + 1];
      double[] a2 = in[i + 2];
      double[] a3 = in[i + 3];
      double s0 = gw[first + i];
      double s1 = gw[first + i + 1];
      double s2 = gw[first + i + 2];
      double s3 = gw[first + i + 3];
      for (int p = delta.length - 1; p >= 0; p--) {
        double d = delta[p];
        s0 += a0[p] * d;
        s1 += a1[p] * d;
        s2 += a2[p] * d;
        s3 += a3[p] * d;
      }
      gw[first + i] = s0;
      gw[first + i + 1] = s1;
      gw[first + i + 2] = s2;
      gw[first + i + 3] = s3;
    }
    for (; i < fanIn; i++) {
      double[] a = in[i];
      double s = gw[first + i];
      for (int p = delta.length - 1; p >= 0; p--) {
        s += a[p] * delta[p];
      }
      gw[first + i] = s;
    }
  }

  /** ∂L/∂a[l][i] = Σ<sub>j</sub> W[j][i]·δ[j], the neurons from last to first, for every point at once. */
  private void inputGradients(int l) {
    int fanIn = widths[l];
    double[] w = weights[l];
    double[][] delta = deltas[l];
    for (int i = 0; i < fanIn; i++) {
      double[] inGradient = activationGradients[l][i];
      Arrays.fill(inGradient, 0);
      for (int j = delta.length - 1; j >= 0; j--) {
        addScaled(inGradient, w[j * fanIn + i], delta[j]);
      }
    }
  }

  /** p ← p − lr·∂L/∂p. */
  private void update(double lr) {
    for (int l = 0; l < layers; l++) {
      addScaled(weights[l], -lr, weightGradients[l]);
      addScaled(biases[l], -lr, biasGradients[l]);
    }
  }
}
