package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import java.util.List;

/**
 * Huber loss, as {@code torch.nn.functional.huber_loss(p, t, delta=1.0)} with its default
 * {@code reduction='mean'}: quadratic near the target, linear (slope delta) beyond delta.
 *
 * <pre>
 * d_i = p_i − t_i
 * loss       = (1/n) Σ ( 0.5·d_i²                    if |d_i| &lt; delta
 *                        delta·(|d_i| − 0.5·delta)   otherwise )
 * ∂loss/∂p_i = (1/n) · ( −delta if d_i ≤ −delta;  delta if d_i ≥ delta;  d_i otherwise )
 * </pre>
 *
 * <p>Hyperparameter {@code delta} (default 1, &gt; 0 as torch requires).
 */
public final class HuberLoss implements LossPlugin, Loss {

  static final String NAME = "huber";

  private final double delta;

  /** Creates the plugin; as a loss it uses the default delta = 1. */
  public HuberLoss() {
    this(1.0);
  }

  private HuberLoss(double delta) {
    this.delta = delta;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Huber loss, mean(0.5 d^2 if |d| < delta else delta (|d| - 0.5 delta)) with d = p - t,"
        + " as torch.nn.functional.huber_loss.";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("delta", 1.0,
        "where the loss turns from quadratic to linear").greaterThan(0));
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return new HuberLoss(hyperparameters.real("delta"));
  }

  @Override
  public double value(double[] prediction, double[] target) {
    int n = Checks.size(NAME, prediction, target);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double z = Math.abs(prediction[i] - target[i]);
      sum += z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta);
    }
    return sum / n;
  }

  @Override
  public void gradient(double[] prediction, double[] target, double[] out) {
    int n = Checks.size(NAME, prediction, target, out);
    double norm = 1.0 / n;
    for (int i = 0; i < n; i++) {
      double d = prediction[i] - target[i];
      out[i] = d <= -delta ? -norm * delta : d >= delta ? norm * delta : norm * d;
    }
  }

  @Override
  public String toString() {
    return NAME + "(delta=" + delta + ")";
  }
}
