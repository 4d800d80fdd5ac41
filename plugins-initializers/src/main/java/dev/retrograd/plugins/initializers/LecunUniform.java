package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;

/**
 * LeCun uniform: every weight from U[−b, b) with b = √(3/fan_in), so the variance is 1/fan_in
 * (LeCun et al., "Efficient BackProp", 1998).
 *
 * <p>PyTorch has no LeCun initializer; this is {@code torch.nn.init.kaiming_uniform_(w,
 * mode='fan_in', nonlinearity='linear')}, and the same as Keras's {@code LecunUniform} and JAX's
 * {@code jax.nn.initializers.lecun_uniform}.
 */
public final class LecunUniform implements InitializerPlugin {

  /** Creates the plugin. */
  public LecunUniform() {}

  @Override
  public String name() {
    return "lecun_uniform";
  }

  @Override
  public String description() {
    return "w ~ U(-b, b), b = sqrt(3/fan_in) (LeCun 1998; variance 1/fan_in)";
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    return Checked.of(name(), hyperparameters, (weights, fanIn, fanOut, random) ->
        Draw.symmetricUniform(weights, Math.sqrt(3.0 / fanIn), random));
  }
}
