package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * mish(x) = x·tanh(softplus(x)), softplus with torch's defaults (β = 1, and x itself above the
 * threshold 20); derivative tanh(sp) + x·sp′·sech²(sp) with sp = softplus(x) and sp′ = σ(x) (1 above
 * the threshold); as {@code torch.nn.functional.mish} (Misra, 2019). With e = eˣ and p = 1 + e =
 * exp(sp), σ(x) = e/p and sech(sp) = 2p/(p² + 1), so the derivative has no cancellation; mish(1000) =
 * 1000 and mish(−1000) = −0. No hyperparameters.
 */
public final class Mish implements ActivationPlugin, Activation {

  private static final double THRESHOLD = 20;

  @Override
  public String name() {
    return "mish";
  }

  @Override
  public String description() {
    return "x·tanh(softplus(x)) (torch.nn.functional.mish)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return x * Math.tanh(Logistic.softplus(x, 1, THRESHOLD));
  }

  @Override
  public double derivative(double x, double y) {
    if (x > THRESHOLD) { // softplus(x) = x here, so mish(x) = x·tanh(x)
      double sech = 1 / Math.cosh(x);
      return Math.tanh(x) + x * sech * sech;
    }
    double e = Math.exp(x);
    double p = 1 + e;
    double sech = 2 * p / (p * p + 1);
    return Math.tanh(Math.log1p(e)) + x * (e / p) * sech * sech;
  }

  @Override
  public String toString() {
    return name();
  }
}
