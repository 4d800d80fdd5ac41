package dev.retrograd.train;

import dev.retrograd.api.Loss;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.Task;

/**
 * The units a run reports its scores in: the regression target's own, when the run trains on a
 * standardized target ({@link TrainingConfig#targetStandardizer}); otherwise the targets as given.
 * With a standardizer, predictions and targets (both z-scores) are turned back with
 * {@code x = z · std + mean} before the loss, MSE and R² are computed.
 */
final class TargetUnits {

  private final Standardizer standardizer;

  private TargetUnits(Standardizer standardizer) {
    this.standardizer = standardizer;
  }

  static TargetUnits of(TrainingConfig config) {
    return of(config.targetStandardizer().orElse(null));
  }

  /** Returns the units of a run whose target was standardized with {@code standardizer}, or not (null). */
  static TargetUnits of(Standardizer standardizer) {
    return new TargetUnits(standardizer);
  }

  /** Returns whether the run trains on a standardized target. */
  boolean standardizes() {
    return standardizer != null;
  }

  /** Returns {@code data} with its target standardized, or {@code data} itself without a standardizer. */
  Dataset trained(Dataset data) {
    return standardizer == null ? data : standardizer.applyToTargets(data);
  }

  /**
   * Returns the scores of {@code predictions} against {@code targets}, both in training units: the
   * mean over rows of {@code loss}, plus {@code penalty}, and the metrics of {@code task}, all in
   * the reported units.
   */
  Scores scores(double[][] predictions, double[][] targets, Loss loss, Task task, double penalty) {
    double[][] reportedPredictions = reported(predictions);
    double[][] reportedTargets = reported(targets);
    double lossSum = 0;
    for (int r = 0; r < reportedPredictions.length; r++) {
      lossSum += loss.value(reportedPredictions[r], reportedTargets[r]);
    }
    return Scores.of(lossSum / predictions.length + penalty, reportedPredictions, reportedTargets, task);
  }

  private double[][] reported(double[][] rows) {
    if (standardizer == null) {
      return rows;
    }
    double[][] reported = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      reported[r] = standardizer.invert(rows[r]);
    }
    return reported;
  }
}
