package dev.retrograd.demo.runfiles;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.train.EpochMetrics;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What a finished training run hands to the writers of its files.
 *
 * @param epochs every epoch's metrics, in order, as read back from {@code metrics.csv}: a resumed
 *     run's whole history, from epoch 1, with the true epoch numbers
 * @param points the training examples as loaded, before standardization, for pictures of the data
 * @param classifier the class the trained model predicts for a point as loaded (classification only)
 */
public record FinishedRun(List<EpochMetrics> epochs, Dataset points, ToIntFunction<double[]> classifier) {

  /** Copies the epochs. */
  public FinishedRun {
    epochs = List.copyOf(epochs);
  }

  /** Returns the task the model was trained for. */
  public Task task() {
    return points.task();
  }
}
