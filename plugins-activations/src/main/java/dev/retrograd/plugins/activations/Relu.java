package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.ReluRule;

/**
 * relu(x) = max(0, x), derivative 1 for x &gt; 0 and 0 for x ≤ 0 (so 0 at the kink); as
 * {@code torch.nn.functional.relu}. NaN propagates: relu(NaN) = NaN, and its derivative is 1 because
 * torch's threshold_backward zeroes the gradient only where the input is ≤ 0. No hyperparameters.
 *
 * <p>The numbers come from {@link ReluRule}, the rule the engine's {@code Value.relu()} uses too.
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
    return ReluRule.apply(x);
  }

  @Override
  public double derivative(double x, double y) {
    return ReluRule.derivative(x);
  }

  @Override
  public String toString() {
    return name();
  }
}
