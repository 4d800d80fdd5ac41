package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import java.util.List;

/**
 * leaky_relu(x) = x for x &gt; 0, else negative_slope·x; derivative 1 for x &gt; 0, else
 * negative_slope (also at 0, as torch's leaky_relu_backward tests x &gt; 0); as
 * {@code torch.nn.functional.leaky_relu}. Hyperparameter {@code negative_slope}, default 0.01, any
 * real.
 */
public final class LeakyRelu implements ActivationPlugin {

  @Override
  public String name() {
    return "leaky_relu";
  }

  @Override
  public String description() {
    return "x for x > 0, else negative_slope·x (torch.nn.functional.leaky_relu)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("negative_slope", 0.01, "slope for x <= 0"));
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return new Configured(hyperparameters.real("negative_slope"));
  }

  private record Configured(double negativeSlope) implements Activation {

    @Override
    public double apply(double x) {
      return x > 0 ? x : x * negativeSlope;
    }

    @Override
    public double derivative(double x, double y) {
      return x > 0 ? 1 : negativeSlope;
    }

    @Override
    public String toString() {
      return "leaky_relu(negative_slope=" + negativeSlope + ")";
    }
  }
}
