package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import java.util.List;

/**
 * Adagrad, exact to {@code torch.optim.Adagrad} (single-tensor path, {@code maximize=False});
 * Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods" (2011):
 *
 * <pre>
 * clr ← lr / (1 + (t − 1)·lr_decay)
 * g ← g + weight_decay·θ
 * sum ← sum + g²                        sum starts at initial_accumulator_value
 * θ ← θ − clr·g / (sqrt(sum) + eps)
 * </pre>
 *
 * <p>t is the step number, 1 on the first step. Defaults as PyTorch: {@code lr=0.01, lr_decay=0,
 * weight_decay=0, initial_accumulator_value=0, eps=1e-10}. The state holds {@code sum}.
 */
public final class Adagrad implements OptimizerPlugin {

  /** Creates the plugin. */
  public Adagrad() {}

  @Override
  public String name() {
    return "adagrad";
  }

  @Override
  public String description() {
    return "Adagrad: sum ← sum + g², θ ← θ − lr·g/(sqrt(sum) + eps) (torch.optim.Adagrad)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("lr", 0.01, "learning rate").atLeast(0),
        Hyperparameter.real("lr_decay", 0, "learning-rate decay: clr = lr / (1 + (t − 1)·lr_decay)").atLeast(0),
        Hyperparameter.real("weight_decay", 0, "L2 penalty added to the gradient: g ← g + weight_decay·θ")
            .atLeast(0),
        Hyperparameter.real("initial_accumulator_value", 0, "starting value of the sum of squared gradients")
            .atLeast(0),
        Hyperparameter.real("eps", 1e-10, "added to the denominator for numerical stability").atLeast(0));
  }

  @Override
  public Optimizer create(Hyperparameters hp) {
    return new Rule(hp.real("lr"), hp.real("lr_decay"), hp.real("weight_decay"),
        hp.real("initial_accumulator_value"), hp.real("eps"));
  }

  private static final class Rule extends ElementwiseOptimizer {

    private static final int SUM = 0;

    private final double lrDecay;
    private final double weightDecay;
    private final double initialAccumulatorValue;
    private final double eps;

    private double clr;

    Rule(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps) {
      super(lr, "sum");
      this.lrDecay = lrDecay;
      this.weightDecay = weightDecay;
      this.initialAccumulatorValue = initialAccumulatorValue;
      this.eps = eps;
    }

    @Override
    protected double initialValue(String name) {
      return initialAccumulatorValue;
    }

    @Override
    protected void beginStep() {
      clr = learningRate() / (1 + (steps() - 1) * lrDecay);
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
      if (weightDecay != 0) {
        g += weightDecay * theta;
      }
      double sum = e.buffer(SUM) + g * g;
      e.setBuffer(SUM, sum);
      e.set(theta - clr * g / (Math.sqrt(sum) + eps));
    }
  }
}
