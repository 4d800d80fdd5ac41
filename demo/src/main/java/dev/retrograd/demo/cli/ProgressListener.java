package dev.retrograd.demo.cli;

import dev.retrograd.demo.progress.TrainingProgress;
import dev.retrograd.train.TrainingListener;
import dev.retrograd.train.TrainingPlan;

/** Feeds the trainer's steps to a progress bar. */
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
}
