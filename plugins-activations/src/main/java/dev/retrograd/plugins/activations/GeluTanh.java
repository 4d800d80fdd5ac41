package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * gelu_tanh(x) = 0.5·x·(1 + tanh(u)), u = √(2/π)·(x + 0.044715·x³); derivative
 * 0.5·(1 + tanh u) + 0.5·x·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715·x²); as
 * {@code torch.nn.functional.gelu} with {@code approximate='tanh'}. Computed through the identity
 * 0.5·(1 + tanh u) = σ(2u), which keeps its relative accuracy in the left tail where 1 + tanh u
 * cancels. No hyperparameters.
 */
public final class GeluTanh implements ActivationPlugin, Activation {

  /** √(2/π), torch's kBeta = M_SQRT2·M_2_SQRTPI·0.5. */
  private static final double SQRT_2_OVER_PI = 0.7978845608028654;
  private static final double KAPPA = 0.044715;

  @Override
  public String name() {
    return "gelu_tanh";
  }

  @Override
  public String description() {
    return "0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (torch.nn.functional.gelu, approximate='tanh')";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double apply(double x) {
    return x * Logistic.sigmoid(2 * inner(x));
  }

  @Override
  public double derivative(double x, double y) {
    double u = inner(x);
    double s = Logistic.sigmoid(2 * u); // 0.5·(1 + tanh u)
    double slope = s * Logistic.sigmoid(-2 * u); // s·(1 − s) = 0.25·(1 − tanh² u)
    // Where the slope underflows its term is 0, also where x² overflows (0·∞ would be NaN).
    return slope == 0 ? s : s + 2 * x * slope * SQRT_2_OVER_PI * (1 + 3 * KAPPA * x * x);
  }

  private static double inner(double x) {
    return SQRT_2_OVER_PI * (x + KAPPA * x * x * x);
  }

  @Override
  public String toString() {
    return name();
  }
}
