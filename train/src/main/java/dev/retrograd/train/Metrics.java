package dev.retrograd.train;

/**
 * The metrics of predictions against targets, row by row: accuracy for classification, mean
 * squared error and R² for regression.
 */
public final class Metrics {

  private Metrics() {}

  /**
   * Returns the share of rows whose prediction picks the target's class: for rows of width ≥ 2 the
   * argmax of the prediction equals the argmax of the target (the first one on ties, as
   * {@code torch.argmax}); for rows of width 1 a positive prediction means the positive class and
   * a positive target the positive class (logits against 0/1 targets, margins against ±1 targets).
   * NaN for no rows.
   */
  public static double accuracy(double[][] predictions, double[][] targets) {
    requireSameShape(predictions, targets);
    int correct = 0;
    for (int r = 0; r < predictions.length; r++) {
      if (predictedClass(predictions[r]) == predictedClass(targets[r])) {
        correct++;
      }
    }
    return predictions.length == 0 ? Double.NaN : (double) correct / predictions.length;
  }

  /** Returns the class of one row: its argmax, or for a single number 1 if it is &gt; 0 else 0. */
  public static int predictedClass(double[] row) {
    if (row.length == 1) {
      return row[0] > 0 ? 1 : 0;
    }
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * Returns the mean over every element of {@code (prediction − target)²}, as
   * {@code torch.nn.functional.mse_loss(reduction='mean')}; NaN for no rows.
   */
  public static double meanSquaredError(double[][] predictions, double[][] targets) {
    requireSameShape(predictions, targets);
    double sse = 0;
    long count = 0;
    for (int r = 0; r < predictions.length; r++) {
      for (int c = 0; c < predictions[r].length; c++) {
        double error = predictions[r][c] - targets[r][c];
        sse += error * error;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sse / count;
  }

  /**
   * Returns the coefficient of determination {@code R² = 1 − SSE / SST}, where SSE sums
   * {@code (prediction − target)²} and SST sums {@code (target − mean of its column)²} over every
   * element: {@code sklearn.metrics.r2_score(multioutput='variance_weighted')}, which for one output
   * is the plain R². When SST is 0 (constant targets) it is 1 for a perfect fit and 0 otherwise, as
   * sklearn's {@code force_finite}. NaN for no rows.
   */
  public static double rSquared(double[][] predictions, double[][] targets) {
    requireSameShape(predictions, targets);
    if (predictions.length == 0) {
      return Double.NaN;
    }
    int width = targets[0].length;
    double[] mean = new double[width];
    for (double[] row : targets) {
      for (int c = 0; c < width; c++) {
        mean[c] += row[c] / targets.length;
      }
    }
    double sse = 0;
    double sst = 0;
    for (int r = 0; r < predictions.length; r++) {
      for (int c = 0; c < width; c++) {
        double error = predictions[r][c] - targets[r][c];
        double spread = targets[r][c] - mean[c];
        sse += error * error;
        sst += spread * spread;
      }
    }
    if (sst == 0) {
      return sse == 0 ? 1 : 0;
    }
    return 1 - sse / sst;
  }

  private static void requireSameShape(double[][] predictions, double[][] targets) {
    if (predictions.length != targets.length) {
      throw new IllegalArgumentException(
          "metrics need one target row per prediction row, got " + targets.length + " for " + predictions.length);
    }
    for (int r = 0; r < predictions.length; r++) {
      if (predictions[r].length != targets[r].length) {
        throw new IllegalArgumentException("prediction row " + r + " has " + predictions[r].length
            + " values but its target row has " + targets[r].length);
      }
    }
  }
}
