package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import java.util.List;

/**
 * softplus(x) = log(1 + exp(β·x))/β (computed with log1p), and x itself where β·x &gt; threshold;
 * derivative σ(β·x), and 1 where β·x &gt; threshold; as {@code torch.nn.functional.softplus}.
 * softplus(−1000) = 0, not −∞. Hyperparameters {@code beta}, default 1, &gt; 0, and
 * {@code threshold}, default 20, any real.
 */
public final class Softplus implements ActivationPlugin {

  @Override
  public String name() {
    return "softplus";
  }

  @Override
  public String description() {
    return "log(1 + exp(beta·x))/beta, linear where beta·x > threshold (torch.nn.functional.softplus)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("beta", 1.0, "sharpness: log(1 + exp(beta·x))/beta").greaterThan(0),
        Hyperparameter.real("threshold", 20.0, "where beta·x > threshold the result is x itself"));
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return new Configured(hyperparameters.real("beta"), hyperparameters.real("threshold"));
  }

  private record Configured(double beta, double threshold) implements Activation {

    @Override
    public double apply(double x) {
      return Logistic.softplus(x, beta, threshold);
    }

    @Override
    public double derivative(double x, double y) {
      return Logistic.softplusDerivative(x, beta, threshold);
    }

    @Override
    public String toString() {
      return "softplus(beta=" + beta + ", threshold=" + threshold + ")";
    }
  }
}
