package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;

/**
 * Negative log-likelihood of log-probabilities, as {@code torch.nn.functional.nll_loss(x, k)} for
 * one example, with the class k given as a one-hot vector (or, generalised, a probability
 * vector); no hyperparameters.
 *
 * <pre>
 * loss       = −Σ_c t_c · x_c        (−x_k for a one-hot target of class k)
 * ∂loss/∂x_c = −t_c
 * </pre>
 *
 * <p>Feed it log-probabilities, such as a log-softmax; on logits use {@link CrossEntropyLoss}. A
 * class with t_c = 0 adds nothing even where x_c = −∞, as torch reads only x[k].
 */
public final class NllLoss implements LossPlugin, Loss {

  static final String NAME = "nll";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Negative log-likelihood of log-probabilities, -sum(t x) (-x[k] for a one-hot target),"
        + " as torch.nn.functional.nll_loss.";
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return this;
  }

  @Override
  public double value(double[] logProbabilities, double[] target) {
    int classes = Checks.size(NAME, logProbabilities, target);
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      if (target[c] != 0) {
        sum += target[c] * logProbabilities[c];
      }
    }
    return -sum;
  }

  @Override
  public void gradient(double[] logProbabilities, double[] target, double[] out) {
    int classes = Checks.size(NAME, logProbabilities, target, out);
    for (int c = 0; c < classes; c++) {
      out[c] = -target[c];
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
