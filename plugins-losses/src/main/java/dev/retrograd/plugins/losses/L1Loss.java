package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;

/**
 * Mean absolute error, as {@code torch.nn.functional.l1_loss(p, t)} with its default
 * {@code reduction='mean'}; no hyperparameters.
 *
 * <pre>
 * loss       = (1/n) Σ |p_i − t_i|
 * ∂loss/∂p_i = sgn(p_i − t_i) / n,   sgn(0) = 0, as torch's abs backward
 * </pre>
 */
public final class L1Loss implements LossPlugin, Loss {

  static final String NAME = "l1";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Mean absolute error, mean(|p - t|), as torch.nn.functional.l1_loss.";
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
      sum += Math.abs(prediction[i] - target[i]);
    }
    return sum / n;
  }

  @Override
  public void gradient(double[] prediction, double[] target, double[] out) {
    int n = Checks.size(NAME, prediction, target, out);
    double norm = 1.0 / n;
    for (int i = 0; i < n; i++) {
      out[i] = norm * Math.signum(prediction[i] - target[i]);
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
