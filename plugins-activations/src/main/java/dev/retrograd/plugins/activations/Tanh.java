package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * tanh(x); derivative 1 − y² from the output, as torch's tanh_backward; as
 * {@code torch.nn.functional.tanh}. No hyperparameters.
 */
public final class Tanh implements ActivationPlugin, Activation {

  @Override
  public String name() {
    return "tanh";
  }

  @Override
  public String description() {
    return "the hyperbolic tangent, derivative 1 − tanh²(x) (torch.tanh)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return Math.tanh(x);
  }

  @Override
  public double derivative(double x, double y) {
    return 1 - y * y;
  }

  @Override
  public String toString() {
    return name();
  }
}
