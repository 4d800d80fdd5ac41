package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.List;

/**
 * Draws every weight from U[low, high) with {@code random.nextDouble(low, high)}, as
 * {@code torch.nn.init.uniform_(w, a=low, b=high)}.
 *
 * <p>Defaults low = −1, high = 1 (PyTorch's are a = 0, b = 1). <b>low must be below high</b>:
 * PyTorch also allows low = high, which would give a constant; use {@code constant} for that. As in
 * PyTorch, high − low must not overflow to infinity.
 */
public final class Uniform implements InitializerPlugin {

  /** Creates the plugin. */
  public Uniform() {}

  @Override
  public String name() {
    return "uniform";
  }

  @Override
  public String description() {
    return "w ~ U(low, high) (torch.nn.init.uniform_)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("low", -1.0, "the lower bound, included"),
        Hyperparameter.real("high", 1.0, "the upper bound, excluded"));
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    double low = hyperparameters.real("low");
    double high = hyperparameters.real("high");
    if (!(low < high)) {
      throw new IllegalArgumentException(
          name() + ": needs low < high, got low=" + low + ", high=" + high);
    }
    if (high - low == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name() + ": needs high - low <= " + Double.MAX_VALUE
          + ", the largest double, got low=" + low + ", high=" + high);
    }
    return Checked.of(name(), hyperparameters,
        (weights, fanIn, fanOut, random) -> Draw.uniform(weights, low, high, random));
  }
}
