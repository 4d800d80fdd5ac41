package dev.retrograd.train;

import dev.retrograd.data.Task;
/**
 * How well a model does on a set of examples. A metric that does not apply to the task, or to a
 * run without a validation split, is NaN.
 *
 * @param loss the mean loss per example
 * @param accuracy the share of correctly classified rows (classification), else NaN
 * @param mse the mean squared error per element (regression), else NaN
 * @param r2 the coefficient of determination R² (regression), else NaN
 */
public record Scores(double loss, double accuracy, double mse, double r2) {

  /** The scores of nothing: all NaN, as the validation scores of a run without a validation split. */
  public static final Scores NONE = new Scores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** Returns the loss with the metrics of {@code task} computed from the predictions. */
  public static Scores of(double loss, double[][] predictions, double[][] targets, Task task) {
    return task == Task.CLASSIFICATION
        ? new Scores(loss, Metrics.accuracy(predictions, targets), Double.NaN, Double.NaN)
        : new Scores(loss, Double.NaN, Metrics.meanSquaredError(predictions, targets),
            Metrics.rSquared(predictions, targets));
  }

  /** Returns whether these are real scores, not {@link #NONE}. */
  public boolean isPresent() {
    return !Double.isNaN(loss);
  }
}
