package dev.retrograd.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown when a step's loss is NaN or infinite: the run stops before that step's backward pass,
 * and the checkpoint of the last completed epoch, if any, is left as it was.
 */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int step;
  private final double loss;
  private final double learningRate;
  private final transient Path lastGoodCheckpoint;

  /**
   * Creates the exception.
   *
   * @param epoch the epoch, counted from 1
   * @param step the step within the epoch, counted from 1
   * @param loss the non-finite loss
   * @param learningRate the learning rate of the epoch
   * @param lastGoodCheckpoint the checkpoint of the last completed epoch, or null if none was written
   */
  public TrainingDivergedException(int epoch, int step, double loss, double learningRate, Path lastGoodCheckpoint) {
    super("Loss became " + loss + " at epoch " + epoch + ", step " + step + " (lr " + learningRate + ")."
        + " Lower the learning rate or clip gradients (--clip-norm 1.0)."
        + (lastGoodCheckpoint == null ? " No checkpoint was written before it."
            : " Last good checkpoint: " + lastGoodCheckpoint));
    this.epoch = epoch;
    this.step = step;
    this.loss = loss;
    this.learningRate = learningRate;
    this.lastGoodCheckpoint = lastGoodCheckpoint;
  }

  /** Returns the epoch, counted from 1. */
  public int epoch() {
    return epoch;
  }

  /** Returns the step within the epoch, counted from 1. */
  public int step() {
    return step;
  }

  /** Returns the non-finite loss. */
  public double loss() {
    return loss;
  }

  /** Returns the learning rate of the epoch. */
  public double learningRate() {
    return learningRate;
  }

  /** Returns the checkpoint of the last completed epoch, if one was written or resumed from. */
  public Optional<Path> lastGoodCheckpoint() {
    return Optional.ofNullable(lastGoodCheckpoint);
  }
}
