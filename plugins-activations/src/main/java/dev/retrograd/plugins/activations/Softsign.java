package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * softsign(x) = x/(1 + |x|); derivative 1/(1 + |x|)²; as {@code torch.nn.functional.softsign}. No
 * hyperparameters.
 */
public final class Softsign implements ActivationPlugin, Activation {

  @Override
  public String name() {
    return "softsign";
  }

  @Override
  public String description() {
    return "x/(1 + |x|) (torch.nn.functional.softsign)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return x / (1 + Math.abs(x));
  }

  @Override
  public double derivative(double x, double y) {
    double denominator = 1 + Math.abs(x);
    return 1 / (denominator * denominator);
  }

  @Override
  public String toString() {
    return name();
  }
}
