package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;

/**
 * Binary cross-entropy of logits, as
 * {@code torch.nn.functional.binary_cross_entropy_with_logits(x, t)} with its default
 * {@code reduction='mean'} and no weights; no hyperparameters.
 *
 * <pre>
 * m_i = max(−x_i, 0)
 * loss       = (1/n) Σ ( (1 − t_i)·x_i + m_i + log(e^(−m_i) + e^(−x_i − m_i)) )
 *            = (1/n) Σ ( (1 − t_i)·x_i − log σ(x_i) )
 * ∂loss/∂x_i = (σ(x_i) − t_i) / n
 * </pre>
 *
 * <p>Shifting by m keeps both exponents ≤ 0, so the loss is finite for any finite logit
 * (x = ±1000 included); this is the form torch used before computing −log σ(x) with
 * {@code log_sigmoid}, the same number up to rounding.
 */
public final class BceWithLogitsLoss implements LossPlugin, Loss {

  static final String NAME = "bce_with_logits";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Binary cross-entropy of logits, mean((1 - t) x - log sigmoid(x)) computed stably, as"
        + " torch.nn.functional.binary_cross_entropy_with_logits.";
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double value(double[] logits, double[] target) {
    int n = Checks.size(NAME, logits, target);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = logits[i];
      double max = Math.max(-x, 0);
      sum += (1 - target[i]) * x + max + Math.log(Math.exp(-max) + Math.exp(-x - max));
    }
    return sum / n;
  }

  @Override
  public void gradient(double[] logits, double[] target, double[] out) {
    int n = Checks.size(NAME, logits, target, out);
    for (int i = 0; i < n; i++) {
      double sigmoid = 1 / (1 + Math.exp(-logits[i]));
      out[i] = (sigmoid - target[i]) / n;
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
