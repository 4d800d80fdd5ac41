package dev.retrograd.data;

import java.util.Arrays;

/**
 * Per-feature standardization, as scikit-learn's {@code StandardScaler}: z = (x − mean) / std, with
 * the mean and the population standard deviation (divisor n) of each feature over the training
 * rows. A feature with std 0 (constant in training) is only centered (divided by 1).
 *
 * <pre>
 * Standardizer scaler = Standardizer.fit(split.train());   // statistics from training rows only
 * Dataset train = scaler.apply(split.train());
 * Dataset test = scaler.apply(split.test());                // the test set never moves them
 * </pre>
 *
 * <p><b>Fit on the training set only</b>, then apply the same statistics to every other row
 * (test rows, points of a decision-boundary grid), or the test score leaks test information.
 *
 * <p>A regression target is standardized the same way, as one column: train on z-scores, whatever
 * the target's magnitude, and turn predictions back into the target's units with {@link #invert}.
 *
 * <pre>
 * Standardizer target = Standardizer.fitTargets(split.train());
 * Dataset train = target.applyToTargets(split.train());      // targets (y − mean) / std
 * double price = target.invert(new double[] {z})[0];          // z · std + mean
 * </pre>
 *
 * @param mean each feature's mean over the rows it was fitted on
 * @param std each feature's population standard deviation over those rows (≥ 0)
 */
public record Standardizer(double[] mean, double[] std) {

  /** Checks one finite mean and one finite std ≥ 0 per feature. */
  public Standardizer {
    if (mean.length != std.length) {
      throw new IllegalArgumentException(
          "a standardizer needs one std per mean, got " + std.length + " for " + mean.length);
    }
    for (int j = 0; j < mean.length; j++) {
      if (!Double.isFinite(mean[j]) || !(std[j] >= 0) || Double.isInfinite(std[j])) {
        throw new IllegalArgumentException("feature " + j + " needs a finite mean and a finite std >= 0, was mean "
            + mean[j] + " and std " + std[j]);
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /**
   * Returns the means and standard deviations of {@code train}'s features.
   *
   * @throws IllegalArgumentException for no rows, or a feature that is NaN or infinite (naming its
   *     row and feature)
   */
  public static Standardizer fit(Dataset train) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on '" + train.name() + "', which has no rows");
    }
    for (int r = 0; r < train.size(); r++) {
      for (int j = 0; j < train.featureCount(); j++) {
        if (!Double.isFinite(train.features()[r][j])) {
          throw new IllegalArgumentException("cannot standardize '" + train.name() + "': row " + r + ", feature '"
              + train.featureNames().get(j) + "' is " + train.features()[r][j] + "; features must be finite numbers");
        }
      }
    }
    int d = train.featureCount();
    int n = train.size();
    double[] mean = new double[d];
    for (double[] row : train.features()) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[] std = new double[d];
    for (double[] row : train.features()) {
      for (int j = 0; j < d; j++) {
        double centered = row[j] - mean[j];
        std[j] += centered * centered;
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / n);
    }
    return new Standardizer(mean, std);
  }

  /**
   * Returns the mean and standard deviation of {@code train}'s regression targets, as a one-column
   * standardizer (std 0 for a constant target, which is then only centered).
   *
   * @throws IllegalArgumentException for a classification data set, no rows, or a target that is
   *     not finite or whose spread overflows a double
   */
  public static Standardizer fitTargets(Dataset train) {
    if (train.task() != Task.REGRESSION) {
      throw new IllegalArgumentException("'" + train.name() + "' is a classification data set; only a regression"
          + " target is standardized");
    }
    if (train.size() == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on '" + train.name() + "', which has no rows");
    }
    double mean = 0;
    for (double target : train.targets()) {
      mean += target / train.size();
    }
    double variance = 0;
    for (double target : train.targets()) {
      double centered = target - mean;
      variance += centered * centered / train.size();
    }
    if (!Double.isFinite(mean) || !Double.isFinite(variance)) {
      throw new IllegalArgumentException("the target '" + train.targetName() + "' of '" + train.name()
          + "' has mean " + mean + " and variance " + variance + "; targets must be finite numbers whose spread"
          + " fits a double");
    }
    return new Standardizer(new double[] {mean}, new double[] {Math.sqrt(variance)});
  }

  /**
   * Returns {@code dataset} with its regression targets standardized by this one-column
   * standardizer (features, names and rows kept).
   *
   * @throws IllegalStateException if this standardizer is not one column, or for a classification
   *     data set
   */
  public Dataset applyToTargets(Dataset dataset) {
    requireOneColumn();
    double[] targets = dataset.targets();
    double[] z = new double[targets.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (targets[i] - mean[0]) / (std[0] == 0 ? 1 : std[0]);
    }
    return dataset.withTargets(z);
  }

  /** Returns the row in its original units: {@code x = z · std + mean} per column (std 0 counts as 1). */
  public double[] invert(double[] z) {
    if (z.length != mean.length) {
      throw new IllegalArgumentException(
          "this standardizer was fitted on " + mean.length + " columns but the row has " + z.length);
    }
    double[] x = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      x[j] = z[j] * (std[j] == 0 ? 1 : std[j]) + mean[j];
    }
    return x;
  }

  private void requireOneColumn() {
    if (mean.length != 1) {
      throw new IllegalStateException("this standardizer has " + mean.length + " columns; a target standardizer"
          + " has one (see fitTargets)");
    }
  }

  /** Returns {@code dataset} with every feature row standardized (new rows; labels, targets kept). */
  public Dataset apply(Dataset dataset) {
    if (dataset.featureCount() != mean.length) {
      throw new IllegalArgumentException("this standardizer was fitted on " + mean.length + " features but '"
          + dataset.name() + "' has " + dataset.featureCount());
    }
    double[][] rows = new double[dataset.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = apply(dataset.features()[i]);
    }
    return dataset.withFeatures(rows);
  }

  /** Returns the standardized copy of one feature row. */
  public double[] apply(double[] row) {
    if (row.length != mean.length) {
      throw new IllegalArgumentException(
          "this standardizer was fitted on " + mean.length + " features but the row has " + row.length);
    }
    double[] z = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      z[j] = (row[j] - mean[j]) / (std[j] == 0 ? 1 : std[j]);
    }
    return z;
  }

  /** Returns a copy of the means (the record's arrays are not handed out). */
  @Override
  public double[] mean() {
    return mean.clone();
  }

  /** Returns a copy of the standard deviations. */
  @Override
  public double[] std() {
    return std.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Standardizer that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Standardizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
