package dev.retrograd.train;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a training run: the metrics of every epoch it ran.
 *
 * @param epochs the metrics of each epoch run, in order; a resumed run starts after the checkpoint's
 *     epoch
 * @param elapsed the wall-clock time of the run
 * @param stopped whether the run stopped at its {@linkplain RunOptions#withStopRequest stop request}
 *     before its last epoch. The epoch it was in is then dropped: the model's parameters and buffers
 *     are put back as they were after the last epoch listed, which is also the epoch of the last
 *     checkpoint written
 * @param bestEpoch with early stopping, the epoch of the lowest validation loss, whose parameters
 *     and buffers the model holds at the end (and the checkpoint, if one is written); 0 without, or
 *     when the run stopped to be resumed (a stop request, or {@link RunOptions#withStopAfterEpoch})
 * @param stoppedEarly whether early stopping ended the run before its last epoch
 */
public record TrainingResult(List<EpochMetrics> epochs, Duration elapsed, boolean stopped, int bestEpoch,
    boolean stoppedEarly) {

  /** Freezes the list. */
  public TrainingResult {
    epochs = List.copyOf(epochs);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Returns the outcome of a run without early stopping. */
  public TrainingResult(List<EpochMetrics> epochs, Duration elapsed, boolean stopped) {
    this(epochs, elapsed, stopped, 0, false);
  }

  /** Returns the outcome of a run that ran every epoch it was asked for. */
  public TrainingResult(List<EpochMetrics> epochs, Duration elapsed) {
    this(epochs, elapsed, false);
  }

  /** Returns the metrics of the last epoch run. */
  public EpochMetrics last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("the run completed no epoch");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** Returns the training loss of each epoch. */
  public List<Double> trainLosses() {
    return epochs.stream().map(EpochMetrics::trainLoss).toList();
  }

  /** Returns the validation loss of each epoch (NaN without a validation split). */
  public List<Double> validationLosses() {
    return epochs.stream().map(EpochMetrics::validationLoss).toList();
  }
}
