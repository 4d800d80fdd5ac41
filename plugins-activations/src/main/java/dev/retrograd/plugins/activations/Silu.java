package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * silu(x) = x·σ(x) = x/(1 + e^−x), also called swish; derivative σ(x)·(1 + x·(1 − σ(x))); as
 * {@code torch.nn.functional.silu} (Elfwing et al., 2017; Ramachandran et al., 2017). 1 − σ(x) is
 * computed as σ(−x), so silu(−1000) = −0 and its derivative is 0, with no overflow. No
 * hyperparameters.
 */
public final class Silu implements ActivationPlugin, Activation {

  @Override
  public String name() {
    return "silu";
  }

  @Override
  public String description() {
    return "x·sigmoid(x), also called swish (torch.nn.functional.silu)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return x / (1 + Math.exp(-x));
  }

  @Override
  public double derivative(double x, double y) {
    return Logistic.sigmoid(x) * (1 + x * Logistic.sigmoid(-x));
  }

  @Override
  public String toString() {
    return name();
  }
}
