package dev.retrograd.train;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.api.PluginException;
import dev.retrograd.data.Task;
import java.util.Arrays;
import java.util.List;

/**
 * How a trained model does on labelled rows: the scores training reports (the loss it was trained
 * with, accuracy, or MSE and R² in the target's units) and, for classification, the confusion
 * matrix.
 *
 * <pre>{@code
 * Evaluation e = Evaluation.ofClasses(predictor, rawRows, labels, Plugins.load());
 * e.scores().accuracy();
 * e.confusion()[2][4];   // rows of class 2 predicted as class 4
 * }</pre>
 *
 * @param task classification or regression
 * @param scores the mean loss (NaN when the loss is not a registered plugin), accuracy, MSE and R²
 * @param confusion {@code confusion[t][p]} counts the rows of true class t predicted as class p
 *     (classification), empty for regression
 * @param classNames the class names, empty for regression
 * @param predictions the prediction of each row, in order
 */
public record Evaluation(Task task, Scores scores, int[][] confusion, List<String> classNames,
    List<Prediction> predictions) {

  /** Returns the evaluation of {@code predictor} on raw rows whose classes are {@code labels}. */
  public static Evaluation ofClasses(Predictor predictor, double[][] rawRows, int[] labels, PluginCatalog plugins) {
    if (labels.length != rawRows.length) {
      throw new IllegalArgumentException("one label per row is needed, got " + labels.length + " for "
          + rawRows.length);
    }
    double[][] outputs = predictor.outputs(rawRows);
    int classes = predictor.schema().classNames().size();
    boolean signs = predictor.loss().equals("hinge");
    double[][] targets = new double[labels.length][];
    int width = outputs.length == 0 ? classes : outputs[0].length;
    for (int r = 0; r < labels.length; r++) {
      targets[r] = new double[width];
      if (width == 1) {
        targets[r][0] = labels[r] == 1 ? 1 : signs ? -1 : 0;
      } else {
        Arrays.fill(targets[r], signs ? -1 : 0);
        targets[r][labels[r]] = 1;
      }
    }
    int[][] confusion = new int[classes][classes];
    List<Prediction> predictions = outputs.length == 0 ? List.of()
        : Arrays.stream(outputs).map(predictor::prediction).toList();
    for (int r = 0; r < labels.length; r++) {
      confusion[labels[r]][predictions.get(r).label()]++;
    }
    Scores scores = Scores.of(meanLoss(predictor, plugins, outputs, targets), outputs, targets,
        Task.CLASSIFICATION);
    return new Evaluation(Task.CLASSIFICATION, scores, confusion, predictor.schema().classNames(), predictions);
  }

  /** Returns the evaluation of {@code predictor} on raw rows whose regression targets are {@code targets}, in their units. */
  public static Evaluation ofTargets(Predictor predictor, double[][] rawRows, double[] targets,
      PluginCatalog plugins) {
    if (targets.length != rawRows.length) {
      throw new IllegalArgumentException("one target per row is needed, got " + targets.length + " for "
          + rawRows.length);
    }
    List<Prediction> predictions = predictor.predict(rawRows);
    double[][] predicted = new double[targets.length][];
    double[][] actual = new double[targets.length][];
    for (int r = 0; r < targets.length; r++) {
      predicted[r] = new double[] {predictions.get(r).value()};
      actual[r] = new double[] {targets[r]};
    }
    Scores scores = Scores.of(meanLoss(predictor, plugins, predicted, actual), predicted, actual, Task.REGRESSION);
    return new Evaluation(Task.REGRESSION, scores, new int[0][], List.of(), predictions);
  }

  /** Returns the mean of the trained loss over the rows, NaN when it is not a registered plugin. */
  private static double meanLoss(Predictor predictor, PluginCatalog plugins, double[][] outputs, double[][] targets) {
    Loss loss;
    try {
      loss = plugins.loss(predictor.loss(), Hyperparameters.parse(
          predictor.checkpoint().identity().lossHyperparameters()));
    } catch (PluginException e) {
      return Double.NaN;
    }
    double sum = 0;
    for (int r = 0; r < outputs.length; r++) {
      sum += loss.value(outputs[r], targets[r]);
    }
    return outputs.length == 0 ? Double.NaN : sum / outputs.length;
  }

  /** Returns how many rows are of class {@code c}: row c of the confusion matrix summed. */
  public int support(int c) {
    return Arrays.stream(confusion[c]).sum();
  }

  /**
   * Returns the recall of class {@code c}: the share of its rows predicted as c (NaN for a class
   * without rows), as {@code sklearn.metrics.recall_score(average=None)}.
   */
  public double recall(int c) {
    int rows = support(c);
    return rows == 0 ? Double.NaN : (double) confusion[c][c] / rows;
  }

  /**
   * Returns the precision of class {@code c}: the share of the rows predicted as c that are of
   * class c (NaN when none is predicted as c), as {@code sklearn.metrics.precision_score(average=None)}.
   */
  public double precision(int c) {
    int predicted = 0;
    for (int[] row : confusion) {
      predicted += row[c];
    }
    return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
  }

  /** Returns the number of rows evaluated. */
  public int size() {
    return predictions.size();
  }
}
