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

  /** Returns the means and standard deviations of {@code train}'s features. */
  public static Standardizer fit(Dataset train) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on '" + train.name() + "', which has no rows");
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
