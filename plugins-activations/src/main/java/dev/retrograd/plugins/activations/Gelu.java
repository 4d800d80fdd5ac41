package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * gelu(x) = x·Φ(x) = 0.5·x·(1 + erf(x/√2)), Φ the standard normal CDF; derivative Φ(x) + x·φ(x)
 * with φ(x) = exp(−x²/2)/√(2π); as {@code torch.nn.functional.gelu} with {@code approximate='none'}
 * (Hendrycks and Gimpel, 2016). Φ(x) is computed as 0.5·erfc(−x/√2), which keeps its relative
 * accuracy in the left tail where 1 + erf(x/√2) cancels: gelu(−10) = −7.6e-23, not 0. No
 * hyperparameters.
 */
public final class Gelu implements ActivationPlugin, Activation {

  private static final double SQRT1_2 = 0.7071067811865476;
  private static final double ONE_OVER_SQRT_2PI = 0.3989422804014327;

  @Override
  public String name() {
    return "gelu";
  }

  @Override
  public String description() {
    return "x·Φ(x) = 0.5·x·(1 + erf(x/√2)), the exact GELU (torch.nn.functional.gelu)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return x * normalCdf(x);
  }

  @Override
  public double derivative(double x, double y) {
    double density = ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
    // Where the density is 0 its term is too, also for x = ±∞ (where x·0 would be NaN).
    return density == 0 ? normalCdf(x) : normalCdf(x) + x * density;
  }

  private static double normalCdf(double x) {
    return 0.5 * Erf.erfc(-x * SQRT1_2);
  }

  @Override
  public String toString() {
    return name();
  }
}
