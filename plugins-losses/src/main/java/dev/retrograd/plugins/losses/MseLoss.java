package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;

/**
 * Mean squared error, as {@code torch.nn.functional.mse_loss(p, t)} with its default
 * {@code reduction='mean'}; no hyperparameters.
 *
 * <pre>
 * loss       = (1/n) Σ (p_i − t_i)²
 * ∂loss/∂p_i = (2/n) (p_i − t_i)
 * </pre>
 */
public final class MseLoss implements LossPlugin, Loss {

  static final String NAME = "mse";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Mean squared error, mean((p - t)^2), as torch.nn.functional.mse_loss.";
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double value(double[] prediction, double[] target) {
    int n = Checks.size(NAME, prediction, target);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = prediction[i] - target[i];
      sum += d * d;
    }
    return sum / n;
  }

  @Override
  public void gradient(double[] prediction, double[] target, double[] out) {
    int n = Checks.size(NAME, prediction, target, out);
    double norm = 2.0 / n;
    for (int i = 0; i < n; i++) {
      out[i] = norm * (prediction[i] - target[i]);
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
