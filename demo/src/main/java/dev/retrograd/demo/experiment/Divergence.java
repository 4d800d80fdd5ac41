package dev.retrograd.demo.experiment;

/**
 * Where a run stopped because its loss became NaN or infinite
 * ({@link dev.retrograd.train.TrainingDivergedException}).
 *
 * @param epoch the epoch, counted from 1
 * @param step the step within the epoch, counted from 1
 * @param loss the non-finite loss
 * @param lastFiniteLoss the loss of the step before, NaN if the very first step diverged
 */
public record Divergence(int epoch, int step, double loss, double lastFiniteLoss) {

  /** Returns {@code "epoch 1, step 13"}. */
  public String where() {
    return "epoch " + epoch + ", step " + step;
  }
}
