package dev.retrograd.train;

/**
 * Follows a training run, for progress bars, logs and plots. Every method does nothing unless
 * overridden; an exception thrown by a listener stops the run.
 */
public interface TrainingListener {

  /** Called once before the first step. */
  default void onStart(TrainingPlan plan) {}

  /**
   * Called after each update.
   *
   * @param epoch the epoch, counted from 1
   * @param step the step within the epoch, counted from 1
   * @param stepsPerEpoch the steps in each epoch
   * @param loss the step's loss, before its update
   */
  default void onStep(int epoch, int step, int stepsPerEpoch, double loss) {}

  /** Called after each epoch's validation and checkpoint. */
  default void onEpochEnd(EpochMetrics metrics) {}

  /**
   * Called once after the last epoch, or after the last completed one when the run stopped at its
   * stop request ({@link TrainingResult#stopped()}); not called when the run fails.
   */
  default void onEnd(TrainingResult result) {}
}
