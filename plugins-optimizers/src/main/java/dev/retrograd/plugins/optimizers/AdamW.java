package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import java.util.List;

/**
 * Adam with decoupled weight decay, exact to {@code torch.optim.AdamW} (single-tensor path,
 * {@code maximize=False}); Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (2019):
 *
 * <pre>
 * θ ← θ·(1 − lr·weight_decay)                (decay applied to θ, never to the gradient)
 * m ← β1·m + (1 − β1)·g
 * v ← β2·v + (1 − β2)·g²
 * v_max ← max(v_max, v)                      amsgrad only; then v_max replaces v below
 * denom ← sqrt(v) / sqrt(1 − β2^t) + eps
 * θ ← θ − (lr / (1 − β1^t))·m / denom
 * </pre>
 *
 * <p>t is the step number, 1 on the first step. Defaults as PyTorch:
 * {@code lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01, amsgrad=false}. The state
 * holds {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}.
 */
public final class AdamW implements OptimizerPlugin {

  /** Creates the plugin. */
  public AdamW() {}

  @Override
  public String name() {
    return "adamw";
  }

  @Override
  public String description() {
    return "AdamW: Adam with decoupled weight decay θ ← θ·(1 − lr·weight_decay) (torch.optim.AdamW)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return AdamRule.hyperparameters(0.01, "decoupled decay applied to θ: θ ← θ·(1 − lr·weight_decay)");
  }

  @Override
  public Optimizer create(Hyperparameters hp) {
    return new AdamRule(hp.real("lr"), hp.real("beta1"), hp.real("beta2"), hp.real("eps"),
        hp.real("weight_decay"), true, hp.flag("amsgrad"));
  }
}
