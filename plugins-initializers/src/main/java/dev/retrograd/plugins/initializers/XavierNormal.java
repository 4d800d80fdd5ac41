package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.List;

/**
 * Glorot/Xavier normal: every weight from N(0, std²) with std = gain·√(2/(fan_in + fan_out)); as
 * {@code torch.nn.init.xavier_normal_(w, gain=1.0)}, same default (Glorot and Bengio, 2010).
 * gain ≥ 0: PyTorch fails on a negative one.
 */
public final class XavierNormal implements InitializerPlugin {

  /** Creates the plugin. */
  public XavierNormal() {}

  @Override
  public String name() {
    return "xavier_normal";
  }

  @Override
  public String description() {
    return "w ~ N(0, std^2), std = gain*sqrt(2/(fan_in+fan_out)) (torch.nn.init.xavier_normal_)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("gain", 1.0, "the scaling factor").atLeast(0));
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    double gain = hyperparameters.real("gain");
    return Checked.of(name(), hyperparameters, (weights, fanIn, fanOut, random) -> {
      double std = gain * Math.sqrt(2.0 / ((double) fanIn + fanOut));
      Draw.normal(weights, 0.0, std, random);
    });
  }
}
