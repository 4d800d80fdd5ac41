package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * relu(x) = max(0, x), derivative 1 for x &gt; 0 and 0 for x ≤ 0 (so 0 at the kink); as
 * {@code torch.nn.functional.relu}. NaN propagates: relu(NaN) = NaN, and its derivative is 1 because
 * torch's threshold_backward zeroes the gradient only where the output is ≤ 0. No hyperparameters.
 */
public final class Relu implements ActivationPlugin, Activation {

  @Override
  public String name() {
    return "relu";
  }

  @Override
  public String description() {
    return "max(0, x); derivative 0 at 0 (torch.nn.functional.relu)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return Math.max(x, 0);
  }

  @Override
  public double derivative(double x, double y) {
    return x <= 0 ? 0 : 1;
  }

  @Override
  public String toString() {
    return name();
  }
}
