package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import java.util.List;

/**
 * Smooth L1 loss, as {@code torch.nn.functional.smooth_l1_loss(p, t, beta=1.0)} with its default
 * {@code reduction='mean'}: Huber loss divided by beta, so the linear part has slope 1.
 *
 * <pre>
 * d_i = p_i − t_i
 * loss       = (1/n) Σ ( 0.5·d_i² / beta    if |d_i| &lt; beta
 *                        |d_i| − 0.5·beta   otherwise )
 * ∂loss/∂p_i = (1/n) · ( −1 if d_i ≤ −beta;  1 if d_i ≥ beta;  d_i / beta otherwise )
 * </pre>
 *
 * <p>Hyperparameter {@code beta} (default 1, &gt;= 0 as torch requires). With beta = 0 it is
 * exactly {@link L1Loss}, gradient sgn(d)/n with sgn(0) = 0, because torch then calls
 * {@code l1_loss}.
 */
public final class SmoothL1Loss implements LossPlugin, Loss {

  static final String NAME = "smooth_l1";

  private final double beta;

  /** Creates the plugin; as a loss it uses the default beta = 1. */
  public SmoothL1Loss() {
    this(1.0);
  }

  private SmoothL1Loss(double beta) {
    this.beta = beta;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Smooth L1 loss, mean(0.5 d^2 / beta if |d| < beta else |d| - 0.5 beta) with d = p - t,"
        + " as torch.nn.functional.smooth_l1_loss.";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("beta", 1.0,
        "where the loss turns from quadratic to linear; 0 gives l1").atLeast(0));
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return new SmoothL1Loss(hyperparameters.real("beta"));
  }

  @Override
  public double value(double[] prediction, double[] target) {
    int n = Checks.size(NAME, prediction, target);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double z = Math.abs(prediction[i] - target[i]);
      sum += z < beta ? 0.5 * z * z / beta : z - 0.5 * beta;
    }
    return sum / n;
  }

  @Override
  public void gradient(double[] prediction, double[] target, double[] out) {
    int n = Checks.size(NAME, prediction, target, out);
    double norm = 1.0 / n;
    for (int i = 0; i < n; i++) {
      double d = prediction[i] - target[i];
      if (beta == 0) {
        out[i] = norm * Math.signum(d);
      } else {
        out[i] = d <= -beta ? -norm : d >= beta ? norm : norm * d / beta;
      }
    }
  }

  @Override
  public String toString() {
    return NAME + "(beta=" + beta + ")";
  }
}
