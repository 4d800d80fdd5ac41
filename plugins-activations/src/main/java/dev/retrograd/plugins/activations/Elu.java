package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import java.util.List;

/**
 * elu(x) = x for x &gt; 0, else alpha·(e^x − 1) (computed with expm1); derivative 1 for x &gt; 0,
 * else alpha·e^x (so alpha at 0); as {@code torch.nn.functional.elu} (Clevert et al., 2015).
 * Hyperparameter {@code alpha}, default 1, any real as torch allows.
 */
public final class Elu implements ActivationPlugin {

  @Override
  public String name() {
    return "elu";
  }

  @Override
  public String description() {
    return "x for x > 0, else alpha·(exp(x) − 1) (torch.nn.functional.elu)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("alpha", 1.0, "alpha·(exp(x) − 1) for x <= 0; the limit is −alpha"));
  }

  @Override
  public Activation create(Hyperparameters hyperparameters) {
    return new ExponentialLinear(name(), hyperparameters.real("alpha"), 1);
  }
}
