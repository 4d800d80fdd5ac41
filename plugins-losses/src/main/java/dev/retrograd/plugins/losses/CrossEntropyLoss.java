package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import java.util.List;

/**
 * Cross-entropy of logits against a one-hot or probability target, as
 * {@code torch.nn.functional.cross_entropy(x, t, label_smoothing=0.0)} for one example (a batch of
 * one, so {@code reduction='mean'} divides by 1).
 *
 * <pre>
 * t'_c = (1 − ε)·t_c + ε/C                                 label smoothing over C classes
 * log_softmax(x)_c = x_c − max(x) − log Σ_k e^(x_k − max(x))
 * loss       = −Σ_c t'_c · log_softmax(x)_c
 * ∂loss/∂x_c = softmax(x)_c · Σ_k t'_k − t'_c               (softmax(x)_c − t'_c when Σ t' = 1)
 * </pre>
 *
 * <p>Hyperparameter {@code label_smoothing} ε (default 0, in [0, 1] as torch requires). Log-sum-exp
 * keeps the loss finite for large logits: x = [1000, −1000], t = [0, 1] gives 2000. A class whose
 * weight t'_c is 0 adds nothing, as with torch's class-index target, even where its log-softmax
 * is −∞.
 */
public final class CrossEntropyLoss implements LossPlugin, Loss {

  static final String NAME = "cross_entropy";

  private final double labelSmoothing;

  /** Creates the plugin; as a loss it uses the default label_smoothing = 0. */
  public CrossEntropyLoss() {
    this(0.0);
  }

  private CrossEntropyLoss(double labelSmoothing) {
    this.labelSmoothing = labelSmoothing;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Cross-entropy of logits, -sum(t' log_softmax(x)) with t' = (1 - eps) t + eps/C, as"
        + " torch.nn.functional.cross_entropy.";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("label_smoothing", 0.0,
        "share of the target spread evenly over all classes").atLeast(0).atMost(1));
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return new CrossEntropyLoss(hyperparameters.real("label_smoothing"));
  }

  @Override
  public double value(double[] logits, double[] target) {
    int classes = Checks.size(NAME, logits, target);
    double[] logSoftmax = logSoftmax(logits);
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      double weight = smoothed(target[c], classes);
      if (weight != 0) {
        sum += weight * logSoftmax[c];
      }
    }
    return -sum;
  }

  @Override
  public void gradient(double[] logits, double[] target, double[] out) {
    int classes = Checks.size(NAME, logits, target, out);
    double[] logSoftmax = logSoftmax(logits);
    double total = 0;
    for (int c = 0; c < classes; c++) {
      total += smoothed(target[c], classes);
    }
    for (int c = 0; c < classes; c++) {
      out[c] = Math.exp(logSoftmax[c]) * total - smoothed(target[c], classes);
    }
  }

  private double smoothed(double target, int classes) {
    return labelSmoothing > 0 ? target * (1 - labelSmoothing) + labelSmoothing / classes : target;
  }

  private static double[] logSoftmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : logits) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (double x : logits) {
      sum += Math.exp(x - max);
    }
    double logSum = Math.log(sum);
    double[] result = new double[logits.length];
    for (int c = 0; c < logits.length; c++) {
      result[c] = logits[c] - max - logSum;
    }
    return result;
  }

  @Override
  public String toString() {
    return NAME + "(label_smoothing=" + labelSmoothing + ")";
  }
}
