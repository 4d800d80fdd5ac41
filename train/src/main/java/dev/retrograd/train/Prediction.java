package dev.retrograd.train;

import java.util.List;

/**
 * What a model predicts for one row: a class with the probability of each class (classification),
 * or a number in the target's units (regression).
 *
 * @param label the predicted class index (the outputs' argmax, as accuracy counts it), −1 for regression
 * @param className the predicted class's name, empty for regression
 * @param probabilities the probability of each class, summing to 1 (empty for regression): the
 *     softmax of the outputs, or for a single output σ(output) as the second class's; with the
 *     loss {@code binary_cross_entropy}, whose outputs are probabilities already, the outputs
 *     normalized to sum 1
 * @param value the regression value in the target's units, NaN for classification
 */
public record Prediction(int label, String className, double[] probabilities, double value) {

  /** Returns the prediction as text: the class name, or the value. */
  @Override
  public String toString() {
    return label >= 0 ? className : Double.toString(value);
  }

  /** Returns the probabilities as a list, for printing and comparison. */
  public List<Double> probabilityList() {
    return java.util.Arrays.stream(probabilities).boxed().toList();
  }
}
