package dev.retrograd.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown when a step's loss is NaN or infinite: the run stops before that step's backward pass,
 * and the checkpoint of the last completed epoch, if any, is left as it was.
 *
 * <p>The trainer says where the first value that is not finite came from ({@link #source()}, with
 * the details in {@link #diagnosis()}): an input or a target of the step's batch, a parameter
 * already ruined by an earlier update, or the first op that produced one from finite inputs, found
 * by running the step's forward pass again with {@link dev.retrograd.autograd.Value#setAnomalyDetection
 * anomaly detection} on:
 *
 * <pre>
 * Loss became NaN at epoch 1, step 3 (lr 0.01): layer1 (16 bad_log he_normal) made the first value that
 * is not finite: op 'neuron' produced NaN from finite inputs. No checkpoint was written before it.
 * </pre>
 */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Where the first value that is not finite came from. */
  public enum Source {
    /** A feature of an example in the step's batch. */
    INPUT,
    /** A target of an example in the step's batch. */
    TARGET,
    /** A parameter that an earlier update made NaN or infinite. */
    PARAMETER,
    /** An op of the model's forward pass (a layer's weighted sum or its activation plugin). */
    OPERATION,
    /** The loss (or the L2 penalty) of finite predictions: the predictions or weights have grown too large. */
    LOSS,
    /** Nothing found when the step was run again. */
    UNKNOWN
  }

  private final int epoch;
  private final int step;
  private final double loss;
  private final double learningRate;
  private final transient Path lastGoodCheckpoint;
  private final Source source;
  private final String diagnosis;

  /**
   * Creates the exception without a diagnosis ({@link Source#UNKNOWN}).
   *
   * @param epoch the epoch, counted from 1
   * @param step the step within the epoch, counted from 1
   * @param loss the non-finite loss
   * @param learningRate the learning rate of the epoch
   * @param lastGoodCheckpoint the checkpoint of the last completed epoch, or null if none was written
   */
  public TrainingDivergedException(int epoch, int step, double loss, double learningRate, Path lastGoodCheckpoint) {
    this(epoch, step, loss, learningRate, lastGoodCheckpoint, Source.UNKNOWN,
        "the learning rate may be too high for this model");
  }

  /**
   * Creates the exception.
   *
   * @param epoch the epoch, counted from 1
   * @param step the step within the epoch, counted from 1
   * @param loss the non-finite loss
   * @param learningRate the learning rate of the epoch
   * @param lastGoodCheckpoint the checkpoint of the last completed epoch, or null if none was written
   * @param source where the first value that is not finite came from
   * @param diagnosis what was found there, one clause without a final period
   */
  public TrainingDivergedException(int epoch, int step, double loss, double learningRate, Path lastGoodCheckpoint,
      Source source, String diagnosis) {
    super("Loss became " + loss + " at epoch " + epoch + ", step " + step + " (lr " + learningRate + "): " + diagnosis
        + "." + (lastGoodCheckpoint == null ? " No checkpoint was written before it."
            : " Last good checkpoint: " + lastGoodCheckpoint));
    this.epoch = epoch;
    this.step = step;
    this.loss = loss;
    this.learningRate = learningRate;
    this.lastGoodCheckpoint = lastGoodCheckpoint;
    this.source = source;
    this.diagnosis = diagnosis;
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

  /** Returns where the first value that is not finite came from. */
  public Source source() {
    return source;
  }

  /** Returns what was found, such as {@code parameter layer1.bias[0] is already NaN before this step ...}. */
  public String diagnosis() {
    return diagnosis;
  }
}
