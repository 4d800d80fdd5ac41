package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.Arrays;

/**
 * Sets every weight to 0, as {@code torch.nn.init.zeros_(w)}. Draws nothing from the generator.
 */
public final class Zeros implements InitializerPlugin {

  /** Creates the plugin. */
  public Zeros() {}

  @Override
  public String name() {
    return "zeros";
  }

  @Override
  public String description() {
    return "w = 0 (torch.nn.init.zeros_)";
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    return Checked.of(name(), hyperparameters,
        (weights, fanIn, fanOut, random) -> Arrays.fill(weights, 0.0));
  }
}
