package dev.retrograd.train;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one epoch did.
 *
 * <p>The training scores come from the epoch's own steps: the loss is the mean of the step losses
 * (each the mean over its mini-batch, plus the L2 penalty when configured), and accuracy, MSE and
 * R² compare the predictions each example got in training mode, before that step's update, with
 * its targets. The validation scores come from a pass over the validation examples in evaluation
 * mode after the epoch's last step, without the L2 penalty.
 *
 * @param epoch the epoch, counted from 1
 * @param learningRate the learning rate used throughout the epoch
 * @param train the training scores
 * @param validation the validation scores, {@link Scores#NONE} without a validation split
 * @param gradientNorm the global gradient norm {@code sqrt(Σ g²)} before clipping, averaged over the
 *     epoch's steps
 * @param meanAbsGradientByLayer the mean |gradient| of each layer's parameters before clipping,
 *     averaged over the epoch's steps, by layer name, input side first
 * @param elapsed the wall-clock time of the epoch, validation and checkpoint included
 * @param trainingElapsed the wall-clock time of the epoch's training pass alone: its steps' forward
 *     and backward passes and updates, without validation scoring or the checkpoint
 */
public record EpochMetrics(
    int epoch,
    double learningRate,
    Scores train,
    Scores validation,
    double gradientNorm,
    Map<String, Double> meanAbsGradientByLayer,
    Duration elapsed,
    Duration trainingElapsed) {

  /** Checks the fields and freezes the map, keeping its order. */
  public EpochMetrics {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be >= 1, was " + epoch);
    }
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(trainingElapsed, "trainingElapsed");
    meanAbsGradientByLayer = Collections.unmodifiableMap(new LinkedHashMap<>(meanAbsGradientByLayer));
  }

  /** Creates the metrics of an epoch whose training pass was not timed apart: {@code trainingElapsed} is zero. */
  public EpochMetrics(int epoch, double learningRate, Scores train, Scores validation, double gradientNorm,
      Map<String, Double> meanAbsGradientByLayer, Duration elapsed) {
    this(epoch, learningRate, train, validation, gradientNorm, meanAbsGradientByLayer, elapsed, Duration.ZERO);
  }

  /** Returns the training loss, the mean of the epoch's step losses. */
  public double trainLoss() {
    return train.loss();
  }

  /** Returns the validation loss, NaN without a validation split. */
  public double validationLoss() {
    return validation.loss();
  }
}
