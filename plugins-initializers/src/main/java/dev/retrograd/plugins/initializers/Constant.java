package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.Arrays;
import java.util.List;

/**
 * Sets every weight to {@code value} (default 0), as {@code torch.nn.init.constant_(w, val)}, which
 * has no default. Draws nothing from the generator.
 */
public final class Constant implements InitializerPlugin {

  /** Creates the plugin. */
  public Constant() {}

  @Override
  public String name() {
    return "constant";
  }

  @Override
  public String description() {
    return "w = value (torch.nn.init.constant_)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("value", 0.0, "the value of every weight"));
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    double value = hyperparameters.real("value");
    return Checked.of(name(), hyperparameters,
        (weights, fanIn, fanOut, random) -> Arrays.fill(weights, value));
  }
}
