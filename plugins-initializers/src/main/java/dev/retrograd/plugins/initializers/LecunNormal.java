package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;

/**
 * LeCun normal: every weight from N(0, 1/fan_in), that is std = 1/√fan_in (LeCun et al.,
 * "Efficient BackProp", 1998), the initialization self-normalizing networks with SELU assume
 * (Klambauer et al., 2017).
 *
 * <p>PyTorch has no LeCun initializer; this is exactly {@code torch.nn.init.kaiming_normal_(w,
 * mode='fan_in', nonlinearity='linear')}, which PyTorch's {@code SELU} documentation recommends.
 * <b>Keras's {@code LecunNormal} and JAX's {@code lecun_normal} differ:</b> they draw from a normal
 * truncated at two standard deviations, rescaled so the standard deviation is still 1/√fan_in; the
 * variance is the same, the tails are not.
 */
public final class LecunNormal implements InitializerPlugin {

  /** Creates the plugin. */
  public LecunNormal() {}

  @Override
  public String name() {
    return "lecun_normal";
  }

  @Override
  public String description() {
    return "w ~ N(0, 1/fan_in) (LeCun 1998; untruncated, as kaiming_normal_ with 'linear')";
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    return Checked.of(name(), hyperparameters, (weights, fanIn, fanOut, random) ->
        Draw.normal(weights, 0.0, 1.0 / Math.sqrt(fanIn), random));
  }
}
