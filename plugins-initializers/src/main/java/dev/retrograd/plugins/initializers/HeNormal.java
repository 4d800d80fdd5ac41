package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.List;

/**
 * He/Kaiming normal for (leaky) ReLU: every weight from N(0, std²) with std = gain/√fan_in and
 * gain = √(2/(1 + negative_slope²)) (He et al., 2015).
 *
 * <p>Matches {@code torch.nn.init.kaiming_normal_(w, a=negative_slope, mode='fan_in',
 * nonlinearity='leaky_relu')}; with the default negative_slope = 0 that is
 * {@code nonlinearity='relu'}, gain √2. negative_slope ≥ 0 (its sign would not matter).
 */
public final class HeNormal implements InitializerPlugin {

  /** Creates the plugin. */
  public HeNormal() {}

  @Override
  public String name() {
    return "he_normal";
  }

  @Override
  public String description() {
    return "w ~ N(0, std^2), std = sqrt(2/(1+negative_slope^2))/sqrt(fan_in)"
        + " (torch.nn.init.kaiming_normal_, mode='fan_in')";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("negative_slope", 0.0,
        "the slope of the leaky ReLU that follows for x < 0; 0 for ReLU").atLeast(0));
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    double gain = Gain.leakyRelu(hyperparameters.real("negative_slope"));
    return Checked.of(name(), hyperparameters, (weights, fanIn, fanOut, random) ->
        Draw.normal(weights, 0.0, gain / Math.sqrt(fanIn), random));
  }
}
