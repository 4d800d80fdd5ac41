package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * sigmoid(x) = 1/(1 + e^−x), computed as e^x/(1 + e^x) for x &lt; 0 so it never overflows;
 * derivative y·(1 − y) from the output, as torch's sigmoid_backward; as
 * {@code torch.nn.functional.sigmoid}. No hyperparameters.
 */
public final class Sigmoid implements ActivationPlugin, Activation {

  @Override
  public String name() {
    return "sigmoid";
  }

  @Override
  public String description() {
    return "1/(1 + exp(−x)), the logistic function (torch.sigmoid)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return Logistic.sigmoid(x);
  }

  @Override
  public double derivative(double x, double y) {
    return y * (1 - y);
  }

  @Override
  public String toString() {
    return name();
  }
}
