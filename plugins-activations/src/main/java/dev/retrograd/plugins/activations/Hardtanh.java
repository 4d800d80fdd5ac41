package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import java.util.List;

/**
 * hardtanh(x) = min(max(x, min_val), max_val); derivative 1 strictly inside (min_val, max_val), 0
 * outside and at both edges, as torch's hardtanh_backward; as {@code torch.nn.functional.hardtanh}.
 * Hyperparameters {@code min_val}, default −1, and {@code max_val}, default 1, with min_val &lt;
 * max_val as {@code torch.nn.Hardtanh} requires.
 */
public final class Hardtanh implements ActivationPlugin {

  @Override
  public String name() {
    return "hardtanh";
  }

  @Override
  public String description() {
    return "x clamped to [min_val, max_val] (torch.nn.functional.hardtanh)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("min_val", -1.0, "lower edge of the linear region"),
        Hyperparameter.real("max_val", 1.0, "upper edge of the linear region, above min_val"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException unless min_val &lt; max_val
   */
  @Override
  public Activation create(Hyperparameters hyperparameters) {
    double min = hyperparameters.real("min_val");
    double max = hyperparameters.real("max_val");
    if (!(min < max)) {
      throw new IllegalArgumentException(
          "hardtanh: needs min_val < max_val, got min_val=" + min + ", max_val=" + max);
    }
    return new Clamp(name(), min, max);
  }
}
