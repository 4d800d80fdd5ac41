package dev.retrograd.demo.cli;

import dev.retrograd.demo.progress.TrainingProgress;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.TrainingListener;
import dev.retrograd.train.TrainingPlan;

/**
 * Feeds the trainer's steps to a progress bar, and blanks the bar at each epoch's end so that the
 * epoch's report line (the next listener's) starts on a clean line.
 */
final class ProgressListener implements TrainingListener {

  private final TrainingProgress progress;

  ProgressListener(TrainingProgress progress) {
    this.progress = progress;
  }

  @Override
  public void onStart(TrainingPlan plan) {
    progress.start(plan.totalSteps());
  }

  @Override
  public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
    progress.step(epoch, loss);
  }

  @Override
  public void onEpochEnd(EpochMetrics metrics) {
    progress.clearLine();
  }
}
