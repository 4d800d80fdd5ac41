package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * identity(x) = x, derivative 1; as {@code torch.nn.Identity}. No hyperparameters.
 */
public final class Identity implements ActivationPlugin, Activation {

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public String description() {
    return "x, unchanged (torch.nn.Identity)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return x;
  }

  @Override
  public double derivative(double x, double y) {
    return 1;
  }

  @Override
  public String toString() {
    return name();
  }
}
