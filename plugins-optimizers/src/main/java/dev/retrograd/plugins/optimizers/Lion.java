package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import java.util.List;

/**
 * Lion (EvoLved Sign Momentum), exact to Algorithm 2 of Chen et al., "Symbolic Discovery of
 * Optimization Algorithms" (2023), with decoupled weight decay as in the paper's reference code:
 *
 * <pre>
 * θ ← θ·(1 − lr·weight_decay)
 * u ← sign(β1·m + (1 − β1)·g)        sign(0) = 0
 * θ ← θ − lr·u
 * m ← β2·m + (1 − β2)·g
 * </pre>
 *
 * <p>Every element with a non-zero u moves by exactly lr (before decay). PyTorch has no Lion; the
 * defaults are the paper's: {@code lr=1e-4, beta1=0.9, beta2=0.99, weight_decay=0}. The state holds
 * {@code exp_avg} (m).
 */
public final class Lion implements OptimizerPlugin {

  /** Creates the plugin. */
  public Lion() {}

  @Override
  public String name() {
    return "lion";
  }

  @Override
  public String description() {
    return "Lion: θ ← θ − lr·sign(β1·m + (1 − β1)·g), then m ← β2·m + (1 − β2)·g (Chen et al. 2023)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("lr", 1e-4, "learning rate: the size of every element's step").atLeast(0),
        Hyperparameter.real("beta1", 0.9, "weight of m in the update direction").atLeast(0).below(1),
        Hyperparameter.real("beta2", 0.99, "decay rate of the momentum m").atLeast(0).below(1),
        Hyperparameter.real("weight_decay", 0, "decoupled decay applied to θ: θ ← θ·(1 − lr·weight_decay)")
            .atLeast(0));
  }

  @Override
  public Optimizer create(Hyperparameters hp) {
    return new Rule(hp.real("lr"), hp.real("beta1"), hp.real("beta2"), hp.real("weight_decay"));
  }

  private static final class Rule extends ElementwiseOptimizer {

    private static final int EXP_AVG = 0;

    private final double beta1;
    private final double oneMinusBeta1;
    private final double beta2;
    private final double oneMinusBeta2;
    private final double weightDecay;

    Rule(double lr, double beta1, double beta2, double weightDecay) {
      super(lr, "exp_avg");
      this.beta1 = beta1;
      this.oneMinusBeta1 = 1 - beta1;
      this.beta2 = beta2;
      this.oneMinusBeta2 = 1 - beta2;
      this.weightDecay = weightDecay;
    }

    /** Each element's update reads and writes that element only, so ranges of them may be updated at once. */
    @Override
    public boolean updatesOnlyItsElement() {
      return true;
    }

    @Override
    protected void update(Element e) {
      double lr = learningRate();
      double theta = e.value();
      double g = e.gradient();
      double m = e.buffer(EXP_AVG);
      if (weightDecay != 0) {
        theta *= 1 - lr * weightDecay;
      }
      double u = Math.signum(beta1 * m + oneMinusBeta1 * g);
      e.set(theta - lr * u);
      e.setBuffer(EXP_AVG, beta2 * m + oneMinusBeta2 * g);
    }
  }
}
