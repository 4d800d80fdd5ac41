package dev.retrograd.demo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of an {@link MlpTask} step: no graph, the gradients written out by hand over
 * {@code double[]}, one example at a time as the graphs go. With x the row, y its one-hot target and
 * B the batch size:
 *
 * <pre>
 *   z = W1·x + b1,  h = relu(z),  s = W2·h + b2,  p = softmax(s),  L = (1/B)·Σ −log p_y
 *   ∂L/∂s = (p − y)/B,  ∂L/∂W2 += ∂L/∂s ⊗ h,  ∂L/∂h = W2ᵀ·∂L/∂s,  ∂L/∂z = ∂L/∂h ⊙ [z &gt; 0],
 *   ∂L/∂W1 += ∂L/∂z ⊗ x
 * </pre>
 *
 * <p>On N threads the batch is cut into N parts of consecutive rows, each accumulating into its own
 * gradient arrays, summed in part order before the update.
 */
final class HandWrittenMlp implements Trainer {

  private final MlpTask task;
  private final int threads;
  private final double[] initial;
  private final int in;
  private final int hid;
  private final int out;
  private final double[] w1;
  private final double[] b1;
  private final double[] w2;
  private final double[] b2;
  private final Part[] parts;
  private final ExecutorService pool;

  HandWrittenMlp(MlpTask task, int threads) {
    this.task = task;
    this.threads = threads;
    this.initial = task.initialParameters();
    this.in = task.inputs;
    this.hid = task.hidden;
    this.out = task.classes;
    this.w1 = new double[hid * in];
    this.b1 = new double[hid];
    this.w2 = new double[out * hid];
    this.b2 = new double[out];
    this.parts = new Part[threads];
    for (int k = 0; k < threads; k++) {
      parts[k] = new Part(k * task.batchSize / threads, (k + 1) * task.batchSize / threads);
    }
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
      Thread thread = new Thread(runnable, "bench-floor");
      thread.setDaemon(true);
      return thread;
    });
    reset();
  }

  @Override
  public String name() {
    return "hand-written double[], " + threads + (threads == 1 ? " thread" : " threads");
  }

  @Override
  public void reset() {
    int q = 0;
    for (int j = 0; j < hid; j++) {
      System.arraycopy(initial, q, w1, j * in, in);
      b1[j] = initial[q + in];
      q += in + 1;
    }
    for (int k = 0; k < out; k++) {
      System.arraycopy(initial, q, w2, k * hid, hid);
      b2[k] = initial[q + hid];
      q += hid + 1;
    }
  }

  @Override
  public double[] parameters() {
    double[] values = new double[initial.length];
    int q = 0;
    for (int j = 0; j < hid; j++) {
      System.arraycopy(w1, j * in, values, q, in);
      values[q + in] = b1[j];
      q += in + 1;
    }
    for (int k = 0; k < out; k++) {
      System.arraycopy(w2, k * hid, values, q, hid);
      values[q + hid] = b2[k];
      q += hid + 1;
    }
    return values;
  }

  @Override
  public int nodesPerStep() {
    return 0;
  }

  @Override
  public double step(int k) {
    int batch = k % MlpTask.BATCHES;
    List<Future<?>> running = new ArrayList<>();
    for (int p = 1; p < parts.length; p++) {
      Part part = parts[p];
      running.add(pool.submit(() -> part.run(batch)));
    }
    parts[0].run(batch);
    Parts.awaitAll(running);
    double loss = 0;
    for (Part part : parts) {
      loss += part.loss;
    }
    double lr = MlpTask.LEARNING_RATE;
    update(w1, lr, part -> part.gw1);
    update(b1, lr, part -> part.gb1);
    update(w2, lr, part -> part.gw2);
    update(b2, lr, part -> part.gb2);
    return loss;
  }

  private void update(double[] parameters, double lr, java.util.function.Function<Part, double[]> gradients) {
    if (parts.length == 1) {
      double[] g = gradients.apply(parts[0]);
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] -= lr * g[i];
      }
      return;
    }
    for (int i = 0; i < parameters.length; i++) {
      double sum = 0;
      for (Part part : parts) {
        sum += gradients.apply(part)[i];
      }
      parameters[i] -= lr * sum;
    }
  }

  /** Rows [from, to) of a batch, with their own gradient arrays and scratch. */
  private final class Part {
    final int from;
    final int to;
    final double[] gw1 = new double[w1.length];
    final double[] gb1 = new double[b1.length];
    final double[] gw2 = new double[w2.length];
    final double[] gb2 = new double[b2.length];
    final double[] z = new double[hid];
    final double[] h = new double[hid];
    final double[] dh = new double[hid];
    final double[] s = new double[out];
    final double[] ds = new double[out];
    double loss;

    Part(int from, int to) {
      this.from = from;
      this.to = to;
    }

    void run(int batch) {
      Arrays.fill(gw1, 0);
      Arrays.fill(gb1, 0);
      Arrays.fill(gw2, 0);
      Arrays.fill(gb2, 0);
      double invB = 1.0 / task.batchSize;
      double total = 0;
      for (int r = to - 1; r >= from; r--) {
        double[] x = task.rows[batch][r];
        int label = task.labels[batch][r];
        for (int j = 0; j < hid; j++) {
          double sum = b1[j];
          int row = j * in;
          for (int i = 0; i < in; i++) {
            sum += w1[row + i] * x[i];
          }
          z[j] = sum;
          h[j] = sum > 0 ? sum : 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < out; c++) {
          double sum = b2[c];
          int row = c * hid;
          for (int j = 0; j < hid; j++) {
            sum += w2[row + j] * h[j];
          }
          s[c] = sum;
          max = Math.max(max, sum);
        }
        double expSum = 0;
        for (int c = 0; c < out; c++) {
          expSum += Math.exp(s[c] - max);
        }
        double logSum = Math.log(expSum);
        total += -(s[label] - max - logSum);
        for (int c = 0; c < out; c++) {
          ds[c] = (Math.exp(s[c] - max - logSum) - (c == label ? 1 : 0)) * invB;
        }
        Arrays.fill(dh, 0);
        for (int c = out - 1; c >= 0; c--) {
          double g = ds[c];
          int row = c * hid;
          for (int j = 0; j < hid; j++) {
            gw2[row + j] += h[j] * g;
            dh[j] += w2[row + j] * g;
          }
          gb2[c] += g;
        }
        for (int j = hid - 1; j >= 0; j--) {
          double g = z[j] > 0 ? dh[j] : 0;
          if (g != 0) {
            int row = j * in;
            for (int i = 0; i < in; i++) {
              gw1[row + i] += x[i] * g;
            }
          }
          gb1[j] += g;
        }
      }
      loss = total * invB;
    }
  }
}
