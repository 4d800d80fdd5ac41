package dev.retrograd.demo.runfiles;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.train.EpochMetrics;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What a finished training run hands to the writers of its files.
 *
 * @param epochs every epoch's metrics, in order, as read back from {@code metrics.csv}: a resumed
 *     run's whole history, from epoch 1, with the true epoch numbers
 * @param points the training examples as loaded, before standardization, for pictures of the data
 * @param classifier the class the trained model predicts for a point as loaded (classification only)
 * @param test the test examples as loaded and the class predicted for each (classification), if given
 * @param firstLayerWeights the weights of each first-layer neuron, {@code [neuron][input]}, if given
 */
public record FinishedRun(List<EpochMetrics> epochs, Dataset points, ToIntFunction<double[]> classifier,
    Optional<TestPredictions> test, Optional<double[][]> firstLayerWeights) {

  /**
   * The test examples of a classification run, as loaded, with the class the model predicts for each.
   *
   * @param points the test examples before standardization
   * @param predicted the predicted class of each, in order
   */
  public record TestPredictions(Dataset points, int[] predicted) {

    /** Checks one prediction per example. */
    public TestPredictions {
      if (predicted.length != points.size()) {
        throw new IllegalArgumentException("one prediction per test example, got " + predicted.length + " for "
            + points.size());
      }
    }

    /** Returns {@code confusion[t][p]}: how many test examples of true class t were predicted as p. */
    public int[][] confusion() {
      int n = points.classCount();
      int[][] counts = new int[n][n];
      for (int i = 0; i < predicted.length; i++) {
        counts[points.labels()[i]][predicted[i]]++;
      }
      return counts;
    }
  }

  /** Copies the epochs. */
  public FinishedRun {
    epochs = List.copyOf(epochs);
  }

  /** Returns a finished run without test predictions or weights. */
  public FinishedRun(List<EpochMetrics> epochs, Dataset points, ToIntFunction<double[]> classifier) {
    this(epochs, points, classifier, Optional.empty(), Optional.empty());
  }

  /** Returns the task the model was trained for. */
  public Task task() {
    return points.task();
  }
}
