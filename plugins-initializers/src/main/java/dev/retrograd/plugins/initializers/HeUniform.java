package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.List;

/**
 * He/Kaiming uniform for (leaky) ReLU: every weight from U[−b, b) with b = gain·√(3/fan_in) and
 * gain = √(2/(1 + negative_slope²)), so the variance is gain²/fan_in (He et al., 2015).
 *
 * <p>Matches {@code torch.nn.init.kaiming_uniform_(w, a=negative_slope, mode='fan_in',
 * nonlinearity='leaky_relu')}; with the default negative_slope = 0 that is
 * {@code nonlinearity='relu'}, gain √2. negative_slope ≥ 0 (its sign would not matter).
 */
public final class HeUniform implements InitializerPlugin {

  /** Creates the plugin. */
  public HeUniform() {}

  @Override
  public String name() {
    return "he_uniform";
  }

  @Override
  public String description() {
    return "w ~ U(-b, b), b = sqrt(2/(1+negative_slope^2))*sqrt(3/fan_in)"
        + " (torch.nn.init.kaiming_uniform_, mode='fan_in')";
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
        Draw.symmetricUniform(weights, gain * Math.sqrt(3.0 / fanIn), random));
  }
}
