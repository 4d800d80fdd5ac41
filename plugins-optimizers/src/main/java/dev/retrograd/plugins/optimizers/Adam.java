package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import java.util.List;

/**
 * Adam with L2 weight decay added to the gradient, exact to {@code torch.optim.Adam}
 * (single-tensor path, {@code maximize=False}); Kingma &amp; Ba, "Adam: A Method for Stochastic
 * Optimization" (2015), with AMSGrad from Reddi et al. (2018):
 *
 * <pre>
 * g ← g + weight_decay·θ
 * m ← β1·m + (1 − β1)·g
 * v ← β2·v + (1 − β2)·g²
 * v_max ← max(v_max, v)                      amsgrad only; then v_max replaces v below
 * denom ← sqrt(v) / sqrt(1 − β2^t) + eps     (eps added after the bias correction, as PyTorch)
 * θ ← θ − (lr / (1 − β1^t))·m / denom
 * </pre>
 *
 * <p>t is the step number, 1 on the first step. Defaults as PyTorch:
 * {@code lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0, amsgrad=false}. The state
 * holds {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}.
 */
public final class Adam implements OptimizerPlugin {

  /** Creates the plugin. */
  public Adam() {}

  @Override
  public String name() {
    return "adam";
  }

  @Override
  public String description() {
    return "Adam: θ ← θ − lr·m_hat/(sqrt(v_hat) + eps), L2 weight decay added to g (torch.optim.Adam)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return AdamRule.hyperparameters(0, "L2 penalty added to the gradient: g ← g + weight_decay·θ");
  }

  @Override
  public Optimizer create(Hyperparameters hp) {
    return new AdamRule(hp.real("lr"), hp.real("beta1"), hp.real("beta2"), hp.real("eps"),
        hp.real("weight_decay"), false, hp.flag("amsgrad"));
  }
}
