package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;

/**
 * relu6(x) = min(max(0, x), 6) = hardtanh(x, 0, 6); derivative 1 strictly inside (0, 6), 0 outside
 * and at 0 and 6; as {@code torch.nn.functional.relu6}. No hyperparameters.
 */
public final class Relu6 implements ActivationPlugin {

  private static final Activation RELU6 = new Clamp("relu6", 0, 6);

  @Override
  public String name() {
    return "relu6";
  }

  @Override
  public String description() {
    return "min(max(0, x), 6) (torch.nn.functional.relu6)";
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return RELU6;
  }
}
