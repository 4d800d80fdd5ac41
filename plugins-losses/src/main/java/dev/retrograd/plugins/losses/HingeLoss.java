package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import java.util.List;

/**
 * The max-margin (SVM) loss of micrograd's demo, {@code (1 + -y*score).relu()} averaged, for labels
 * y ∈ {−1, +1}; in PyTorch, {@code torch.relu(margin - y * p).mean()}.
 *
 * <pre>
 * loss       = (1/n) Σ max(0, margin − y_i·p_i)
 * ∂loss/∂p_i = −y_i / n   where margin − y_i·p_i &gt; 0, else 0   (relu'(0) = 0)
 * </pre>
 *
 * <p>Hyperparameter {@code margin} (default 1, &gt;= 0). A target other than −1 or +1 is an error.
 */
public final class HingeLoss implements LossPlugin, Loss {

  static final String NAME = "hinge";

  private final double margin;

  /** Creates the plugin; as a loss it uses the default margin = 1. */
  public HingeLoss() {
    this(1.0);
  }

  private HingeLoss(double margin) {
    this.margin = margin;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Max-margin loss for labels -1/+1, mean(max(0, margin - y p)), as micrograd's demo.";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("margin", 1.0,
        "how far past the boundary a score must be to cost nothing").atLeast(0));
  }

  @Override
  public Loss create(Hyperparameters hyperparameters) {
    return new HingeLoss(hyperparameters.real("margin"));
  }

  @Override
  public double value(double[] prediction, double[] target) {
    int n = Checks.size(NAME, prediction, target);
    checkLabels(target);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.max(0, margin - target[i] * prediction[i]);
    }
    return sum / n;
  }

  @Override
  public void gradient(double[] prediction, double[] target, double[] out) {
    int n = Checks.size(NAME, prediction, target, out);
    checkLabels(target);
    double norm = 1.0 / n;
    for (int i = 0; i < n; i++) {
      out[i] = margin - target[i] * prediction[i] > 0 ? -norm * target[i] : 0;
    }
  }

  private static void checkLabels(double[] target) {
    for (int i = 0; i < target.length; i++) {
      if (target[i] != -1 && target[i] != 1) {
        throw new IllegalArgumentException(NAME + ": target[" + i + "] is " + target[i]
            + " but must be -1 or +1; label the two classes -1 and +1.");
      }
    }
  }

  @Override
  public String toString() {
    return NAME + "(margin=" + margin + ")";
  }
}
