package dev.retrograd.nn;

import dev.retrograd.autograd.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization over features, as {@code torch.nn.BatchNorm1d(features)} on input of shape
 * (batch, features).
 *
 * <p><b>Training mode</b>, for each feature j over the B rows of the mini-batch:
 *
 * <pre>
 *   μ_j   = (1/B)·Σ_b x_bj
 *   σ²_j  = (1/B)·Σ_b (x_bj − μ_j)²             (biased)
 *   x̂_bj  = (x_bj − μ_j) / √(σ²_j + eps)
 *   y_bj  = γ_j·x̂_bj + β_j
 * </pre>
 *
 * <p>built from {@link Value} ops, so gradients flow through μ and σ² to every row as well as to the
 * trainable γ and β. Each training forward pass also moves the running statistics toward the
 * batch's, with the unbiased variance:
 *
 * <pre>
 *   running_mean ← (1 − m)·running_mean + m·μ
 *   running_var  ← (1 − m)·running_var  + m·σ²·B/(B − 1)
 * </pre>
 *
 * <p><b>Evaluation mode</b>: y = γ·(x − running_mean)/√(running_var + eps) + β, the running
 * statistics being constants, so every row is independent.
 *
 * <p>As torch: eps = 1e-5, momentum m = 0.1, γ starts at 1, β at 0, running_mean at 0, running_var at
 * 1; a new module is in training mode; a training batch of one row is an error. Not provided:
 * {@code momentum=None} (a cumulative average, and so {@code num_batches_tracked}),
 * {@code affine=False} and {@code track_running_stats=False}.
 */
public final class BatchNorm implements Module {

  /** torch's default eps, added to the variance before the square root. */
  public static final double DEFAULT_EPS = 1e-5;

  /** torch's default momentum of the running statistics. */
  public static final double DEFAULT_MOMENTUM = 0.1;

  private final int features;
  private final double eps;
  private final double momentum;
  private final Value[] gamma;
  private final Value[] beta;
  private final double[] runningMean;
  private final double[] runningVar;
  private boolean training = true;
  /** The latest training forward pass's batch means, sums of squared deviations and row count; null before one. */
  private Value[] lastMeans;
  private Value[] lastSquares;
  private int lastRows;

  /** Creates batch normalization over {@code features} features with torch's defaults. */
  public BatchNorm(int features) {
    this(features, DEFAULT_EPS, DEFAULT_MOMENTUM);
  }

  /**
   * Creates batch normalization over {@code features} features.
   *
   * @param eps added to the variance before the square root; &gt; 0
   * @param momentum the weight of each batch's statistics in the running ones; in [0, 1]
   */
  public BatchNorm(int features, double eps, double momentum) {
    if (features < 1) {
      throw new IllegalArgumentException("batch normalization needs at least 1 feature, was " + features);
    }
    if (!(eps > 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("eps must be > 0 and finite, was " + eps);
    }
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1], was " + momentum);
    }
    this.features = features;
    this.eps = eps;
    this.momentum = momentum;
    this.gamma = new Value[features];
    this.beta = new Value[features];
    for (int j = 0; j < features; j++) {
      gamma[j] = Value.of(1);
      beta[j] = Value.of(0);
    }
    this.runningMean = new double[features];
    this.runningVar = new double[features];
    Arrays.fill(runningVar, 1);
  }

  /**
   * Returns the normalized batch, one output row per input row; in training mode also updates the
   * running statistics.
   *
   * @throws IllegalArgumentException if a row does not have {@link #features()} values, or if the
   *     module is training on a batch of one row (its variance is undefined)
   */
  public Value[][] forward(Value[][] batch) {
    for (int b = 0; b < batch.length; b++) {
      if (batch[b].length != features) {
        throw new IllegalArgumentException(this + " expects " + features + " features per row, row " + b
            + " has " + batch[b].length);
      }
    }
    if (batch.length == 0) {
      return new Value[0][];
    }
    return training ? normalizeWithBatchStatistics(batch) : normalizeWithRunningStatistics(batch);
  }

  private Value[][] normalizeWithBatchStatistics(Value[][] batch) {
    int rows = batch.length;
    if (rows == 1) {
      throw new IllegalArgumentException(this + " expected more than 1 value per feature when training, got a "
          + "batch of 1 row; use mini-batches of 2 or more rows, or switch to evaluation mode "
          + "(setTraining(false)) to normalize with the running statistics.");
    }
    Value[][] out = new Value[rows][features];
    Value[] column = new Value[rows];
    Value[] centered = new Value[rows];
    Value[] means = new Value[features];
    Value[] squareSums = new Value[features];
    for (int j = 0; j < features; j++) {
      for (int b = 0; b < rows; b++) {
        column[b] = batch[b][j];
      }
      Value mean = Value.sum(column).div(rows);
      for (int b = 0; b < rows; b++) {
        centered[b] = column[b].sub(mean);
      }
      Value squares = Value.dot(centered, centered);
      Value inverseStd = squares.div(rows).add(eps).pow(-0.5);
      for (int b = 0; b < rows; b++) {
        out[b][j] = centered[b].mul(inverseStd).mul(gamma[j]).add(beta[j]);
      }
      means[j] = mean;
      squareSums[j] = squares;
      updateRunningStatistics(j, mean.data(), squares.data(), rows);
    }
    lastMeans = means;
    lastSquares = squareSums;
    lastRows = rows;
    return out;
  }

  private void updateRunningStatistics(int j, double mean, double squares, int rows) {
    runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mean;
    runningVar[j] = (1 - momentum) * runningVar[j] + momentum * squares / (rows - 1);
  }

  /**
   * Returns the running-statistics update of the latest training forward pass, to be applied again
   * after each replay of that pass's compiled graph: it reads the batch mean μ and the sum of squared
   * deviations Σ(x − μ)² of each feature through {@code replayed} (the number a replay computed for
   * that node) and moves the running statistics exactly as {@link #forward} does. Nothing if there
   * was no training forward pass.
   */
  public RunningStatisticsUpdate lastRunningStatisticsUpdate() {
    Value[] means = lastMeans;
    Value[] squares = lastSquares;
    int rows = lastRows;
    if (means == null) {
      return RunningStatisticsUpdate.NONE;
    }
    return replayed -> {
      for (int j = 0; j < features; j++) {
        updateRunningStatistics(j, replayed.applyAsDouble(means[j]), replayed.applyAsDouble(squares[j]), rows);
      }
    };
  }

  private Value[][] normalizeWithRunningStatistics(Value[][] batch) {
    Value[][] out = new Value[batch.length][features];
    for (int j = 0; j < features; j++) {
      double std = Math.sqrt(runningVar[j] + eps);
      for (int b = 0; b < batch.length; b++) {
        out[b][j] = batch[b][j].sub(runningMean[j]).div(std).mul(gamma[j]).add(beta[j]);
      }
    }
    return out;
  }

  /** Returns the number of features normalized. */
  public int features() {
    return features;
  }

  /** Returns eps, added to the variance before the square root. */
  public double eps() {
    return eps;
  }

  /** Returns the momentum of the running statistics. */
  public double momentum() {
    return momentum;
  }

  /** Returns the scale leaves γ, one per feature. */
  public List<Value> gamma() {
    return List.of(gamma);
  }

  /** Returns the shift leaves β, one per feature. */
  public List<Value> beta() {
    return List.of(beta);
  }

  /** Returns a copy of the running mean, one number per feature. */
  public double[] runningMean() {
    return runningMean.clone();
  }

  /** Returns a copy of the running (unbiased) variance, one number per feature. */
  public double[] runningVar() {
    return runningVar.clone();
  }

  /**
   * Replaces the running statistics, as when loading a checkpoint.
   *
   * @throws IllegalArgumentException if either array does not have one number per feature, holds a
   *     non-finite number, or the variance holds a negative one
   */
  public void setRunningStatistics(double[] mean, double[] variance) {
    checkStatistic("running_mean", mean);
    checkStatistic("running_var", variance);
    for (int j = 0; j < features; j++) {
      if (variance[j] < 0) {
        throw new IllegalArgumentException("running_var must be >= 0, was " + variance[j] + " at feature " + j);
      }
    }
    System.arraycopy(mean, 0, runningMean, 0, features);
    System.arraycopy(variance, 0, runningVar, 0, features);
  }

  private void checkStatistic(String name, double[] values) {
    if (values.length != features) {
      throw new IllegalArgumentException(
          name + " has " + values.length + " values but " + this + " needs " + features);
    }
    for (int j = 0; j < features; j++) {
      if (!Double.isFinite(values[j])) {
        throw new IllegalArgumentException(name + " must be finite, was " + values[j] + " at feature " + j);
      }
    }
  }

  /** Switches between training (batch statistics) and evaluation (running statistics) mode. */
  public void setTraining(boolean training) {
    this.training = training;
  }

  /** Returns whether the module normalizes with batch statistics. */
  public boolean isTraining() {
    return training;
  }

  /** Returns γ then β, feature by feature. */
  @Override
  public List<Value> parameters() {
    List<Value> parameters = new ArrayList<>(2 * features);
    parameters.addAll(gamma());
    parameters.addAll(beta());
    return parameters;
  }

  @Override
  public String toString() {
    return "BatchNorm1d(" + features + ")";
  }
}
