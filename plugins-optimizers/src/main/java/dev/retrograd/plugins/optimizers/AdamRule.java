package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameter;
import java.util.List;

/**
 * The Adam update shared by {@link Adam} (L2 weight decay added to the gradient) and {@link AdamW}
 * (decoupled weight decay applied to θ), as in {@code torch.optim.Adam} / {@code torch.optim.AdamW}:
 *
 * <pre>
 * θ ← θ·(1 − lr·weight_decay)                    AdamW only
 * g ← g + weight_decay·θ                         Adam only
 * m ← β1·m + (1 − β1)·g
 * v ← β2·v + (1 − β2)·g²
 * v_max ← max(v_max, v)                          amsgrad only; then v_max replaces v below
 * denom ← sqrt(v) / sqrt(1 − β2^t) + eps
 * θ ← θ − (lr / (1 − β1^t))·m / denom
 * </pre>
 *
 * <p>The per-step factors (bias corrections, step size, decay) are computed once at the start of each
 * step, so a schedule or a loaded state is always honoured.
 */
final class AdamRule extends ElementwiseOptimizer {

  private static final int EXP_AVG = 0;
  private static final int EXP_AVG_SQ = 1;
  private static final int MAX_EXP_AVG_SQ = 2;

  private final double beta1;
  private final double oneMinusBeta1;
  private final double beta2;
  private final double oneMinusBeta2;
  private final double eps;
  private final double weightDecay;
  private final boolean decoupled;
  private final boolean amsgrad;

  private double stepSize;
  private double biasCorrection2Sqrt;
  private double decay;

  AdamRule(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
      boolean amsgrad) {
    super(lr, amsgrad
        ? new String[] {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"}
        : new String[] {"exp_avg", "exp_avg_sq"});
    this.beta1 = beta1;
    this.oneMinusBeta1 = 1 - beta1;
    this.beta2 = beta2;
    this.oneMinusBeta2 = 1 - beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decoupled = decoupled;
    this.amsgrad = amsgrad;
  }

  /** Returns the hyperparameters Adam and AdamW share, with {@code weightDecay} as described. */
  static List<Hyperparameter> hyperparameters(double weightDecay, String weightDecayMeaning) {
    return List.of(
        Hyperparameter.real("lr", 0.001, "learning rate").atLeast(0),
        Hyperparameter.real("beta1", 0.9, "decay rate of the first moment m").atLeast(0).below(1),
        Hyperparameter.real("beta2", 0.999, "decay rate of the second moment v").atLeast(0).below(1),
        Hyperparameter.real("eps", 1e-8, "added to the denominator for numerical stability").atLeast(0),
        Hyperparameter.real("weight_decay", weightDecay, weightDecayMeaning).atLeast(0),
        Hyperparameter.flag("amsgrad", false, "normalize by the running maximum of v (AMSGrad)"));
  }

  /** Each element's update reads and writes that element only, so ranges of them may be updated at once. */
  @Override
  public boolean updatesOnlyItsElement() {
    return true;
  }

  @Override
  protected void update(Element e) {
    double theta = e.value();
    double g = e.gradient();
    if (decoupled) {
      theta *= decay;
    } else if (weightDecay != 0) {
      g += weightDecay * theta;
    }
    double m = beta1 * e.buffer(EXP_AVG) + oneMinusBeta1 * g;
    double v = beta2 * e.buffer(EXP_AVG_SQ) + oneMinusBeta2 * g * g;
    e.setBuffer(EXP_AVG, m);
    e.setBuffer(EXP_AVG_SQ, v);
    if (amsgrad) {
      v = Math.max(e.buffer(MAX_EXP_AVG_SQ), v);
      e.setBuffer(MAX_EXP_AVG_SQ, v);
    }
    double denom = Math.sqrt(v) / biasCorrection2Sqrt + eps;
    e.set(theta - stepSize * m / denom);
  }

  @Override
  protected void beginStep() {
    long t = steps();
    double lr = learningRate();
    stepSize = lr / (1 - Math.pow(beta1, t));
    biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    decay = 1 - lr * weightDecay;
  }
}
