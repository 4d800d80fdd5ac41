package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.List;

/**
 * Glorot/Xavier uniform: every weight from U[−a, a) with a = gain·√(6/(fan_in + fan_out)), so the
 * variance is gain²·2/(fan_in + fan_out); as {@code torch.nn.init.xavier_uniform_(w, gain=1.0)}, same
 * default (Glorot and Bengio, 2010). gain ≥ 0: PyTorch fails on a negative one, and, as in PyTorch,
 * on a gain so large that 2a overflows.
 */
public final class XavierUniform implements InitializerPlugin {

  /** Creates the plugin. */
  public XavierUniform() {}

  @Override
  public String name() {
    return "xavier_uniform";
  }

  @Override
  public String description() {
    return "w ~ U(-a, a), a = gain*sqrt(6/(fan_in+fan_out)) (torch.nn.init.xavier_uniform_)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("gain", 1.0, "the scaling factor").atLeast(0));
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    double gain = hyperparameters.real("gain");
    return Checked.of(name(), hyperparameters, (weights, fanIn, fanOut, random) -> {
      double bound = gain * Math.sqrt(6.0 / ((double) fanIn + fanOut));
      if (2 * bound == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(name() + ": gain=" + gain + " gives the bound a=" + bound
            + ", and U(-a, a) is wider than the largest double; use a smaller gain");
      }
      Draw.symmetricUniform(weights, bound, random);
    });
  }
}
