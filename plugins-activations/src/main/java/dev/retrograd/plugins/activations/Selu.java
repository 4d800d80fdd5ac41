package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * selu(x) = scale·x for x &gt; 0, else scale·alpha·(e^x − 1); derivative scale for x &gt; 0, else
 * scale·alpha·e^x; with scale = 1.0507009873554804934193349852946 and alpha =
 * 1.6732632423543772848170429916717; as {@code torch.nn.functional.selu} (Klambauer et al., 2017,
 * "Self-Normalizing Neural Networks"). No hyperparameters.
 */
public final class Selu implements ActivationPlugin {

  static final double ALPHA = 1.6732632423543772848170429916717;
  static final double SCALE = 1.0507009873554804934193349852946;

  private static final Activation SELU = new ExponentialLinear("selu", ALPHA, SCALE);

  @Override
  public String name() {
    return "selu";
  }

  @Override
  public String description() {
    return "scale·elu(x, alpha), scale ≈ 1.0507, alpha ≈ 1.6733 (torch.nn.functional.selu)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return SELU;
  }
}
