package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.List;

/**
 * Draws every weight from N(mean, std²) as {@code mean + std·random.nextGaussian()}, as
 * {@code torch.nn.init.normal_(w, mean=0.0, std=1.0)}, with the same defaults; std ≥ 0.
 */
public final class Normal implements InitializerPlugin {

  /** Creates the plugin. */
  public Normal() {}

  @Override
  public String name() {
    return "normal";
  }

  @Override
  public String description() {
    return "w ~ N(mean, std^2) (torch.nn.init.normal_)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("mean", 0.0, "the mean"),
        Hyperparameter.real("std", 1.0, "the standard deviation").atLeast(0));
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    double mean = hyperparameters.real("mean");
    double std = hyperparameters.real("std");
    return Checked.of(name(), hyperparameters,
        (weights, fanIn, fanOut, random) -> Draw.normal(weights, mean, std, random));
  }
}
