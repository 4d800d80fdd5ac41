package dev.retrograd.train;

import java.util.Objects;

/**
 * What a run is about to do, as told to {@link TrainingListener#onStart}: enough for a progress bar.
 *
 * @param config the configuration
 * @param firstEpoch the first epoch to run, counted from 1 (after the checkpoint's epoch when resuming)
 * @param lastEpoch the last epoch to run
 * @param trainingExamples the number of training examples
 * @param validationExamples the number of validation examples, 0 without a validation split
 * @param stepsPerEpoch the mini-batches per epoch, {@code ceil(trainingExamples / batchSize)}
 */
public record TrainingPlan(
    TrainingConfig config,
    int firstEpoch,
    int lastEpoch,
    int trainingExamples,
    int validationExamples,
    int stepsPerEpoch) {

  /** Checks that the config is present. */
  public TrainingPlan {
    Objects.requireNonNull(config, "config");
  }

  /** Returns the number of steps the run will take. */
  public long totalSteps() {
    return (long) Math.max(0, lastEpoch - firstEpoch + 1) * stepsPerEpoch;
  }
}
