package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;

/**
 * Binary cross-entropy of probabilities, as {@code torch.nn.functional.binary_cross_entropy(p, t)}
 * with its default {@code reduction='mean'}; no hyperparameters.
 *
 * <pre>
 * loss       = (1/n) Σ ( (t_i − 1)·max(log1p(−p_i), −100) − t_i·max(log p_i, −100) )
 * ∂loss/∂p_i = (p_i − t_i) / max((1 − p_i)·p_i, 1e-12) / n
 * </pre>
 *
 * <p>Both logs are clamped at −100, so a confident wrong answer (p = 0 for t = 1) costs 100 instead
 * of infinity; the gradient is torch's {@code binary_cross_entropy_backward}, whose denominator is
 * clamped at 1e-12 (it does not see the forward clamp). Every prediction and target must lie in
 * [0, 1], as torch checks; for logits use {@link BceWithLogitsLoss}.
 */
public final class BinaryCrossEntropyLoss implements LossPlugin, Loss {

  static final String NAME = "binary_cross_entropy";

  private static final double LOG_FLOOR = -100;
  private static final double EPSILON = 1e-12;
  private static final String PREDICTION_ADVICE =
      "; binary_cross_entropy takes probabilities: apply sigmoid first, or use bce_with_logits on"
          + " the logits.";
  private static final String TARGET_ADVICE = "; a target is the probability of class 1.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Binary cross-entropy of probabilities, mean(-(t log p + (1 - t) log(1 - p))) with logs"
        + " clamped at -100, as torch.nn.functional.binary_cross_entropy.";
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double value(double[] prediction, double[] target) {
    int n = Checks.size(NAME, prediction, target);
    checkRange(prediction, target);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double p = prediction[i];
      double t = target[i];
      sum += (t - 1) * Math.max(Math.log1p(-p), LOG_FLOOR) - t * Math.max(Math.log(p), LOG_FLOOR);
    }
    return sum / n;
  }

  @Override
  public void gradient(double[] prediction, double[] target, double[] out) {
    int n = Checks.size(NAME, prediction, target, out);
    checkRange(prediction, target);
    for (int i = 0; i < n; i++) {
      double p = prediction[i];
      out[i] = (p - target[i]) / Math.max((1 - p) * p, EPSILON) / n;
    }
  }

  private static void checkRange(double[] prediction, double[] target) {
    Checks.probabilities(NAME, "prediction", prediction, PREDICTION_ADVICE);
    Checks.probabilities(NAME, "target", target, TARGET_ADVICE);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
