package dev.retrograd.demo.experiment;

import java.util.List;

/**
 * A network measured at initialization, before any update, over all the training examples in one
 * batch.
 *
 * @param loss the mean loss
 * @param gradientNorm the global gradient norm {@code sqrt(Σ g²)} of that mean loss over every
 *     parameter
 * @param activationScales the root mean square of each hidden layer's outputs over the examples,
 *     input side first; it grows or shrinks layer by layer unless the initialization keeps the
 *     signal's variance
 */
public record InitialFigures(double loss, double gradientNorm, List<Double> activationScales) {

  /** Freezes the list. */
  public InitialFigures {
    activationScales = List.copyOf(activationScales);
  }

  /** Returns the activation scale of the last hidden layer, NaN for a network without one. */
  public double lastHiddenScale() {
    return activationScales.isEmpty() ? Double.NaN : activationScales.get(activationScales.size() - 1);
  }
}
