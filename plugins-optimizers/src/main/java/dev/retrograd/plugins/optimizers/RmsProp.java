package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop, optionally centered and with momentum, exact to {@code torch.optim.RMSprop}
 * (single-tensor path, {@code maximize=False}); Hinton's lecture 6e, centered form from Graves (2013):
 *
 * <pre>
 * g ← g + weight_decay·θ
 * v ← α·v + (1 − α)·g²
 * if centered:  g_avg ← α·g_avg + (1 − α)·g;  denom ← sqrt(v − g_avg²) + eps
 * else:         denom ← sqrt(v) + eps
 * if momentum &gt; 0:  buf ← momentum·buf + g/denom;  θ ← θ − lr·buf
 * else:              θ ← θ − lr·g/denom
 * </pre>
 *
 * <p>Defaults as PyTorch: {@code lr=0.01, alpha=0.99, eps=1e-8, momentum=0, centered=false,
 * weight_decay=0}. The state holds {@code square_avg} (v), {@code momentum_buffer} when
 * {@code momentum > 0} and {@code grad_avg} when centered. As in PyTorch, a centered v − g_avg² that
 * rounds below zero gives NaN.
 */
public final class RmsProp implements OptimizerPlugin {

  /** Creates the plugin. */
  public RmsProp() {}

  @Override
  public String name() {
    return "rmsprop";
  }

  @Override
  public String description() {
    return "RMSprop: v ← α·v + (1 − α)·g², θ ← θ − lr·g/(sqrt(v) + eps) (torch.optim.RMSprop)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("lr", 0.01, "learning rate").atLeast(0),
        Hyperparameter.real("alpha", 0.99, "smoothing constant of the squared-gradient average v").atLeast(0),
        Hyperparameter.real("eps", 1e-8, "added to the denominator for numerical stability").atLeast(0),
        Hyperparameter.real("momentum", 0, "momentum factor; 0 for none").atLeast(0),
        Hyperparameter.flag("centered", false, "normalize by the estimated variance v − g_avg²"),
        Hyperparameter.real("weight_decay", 0, "L2 penalty added to the gradient: g ← g + weight_decay·θ")
            .atLeast(0));
  }

  @Override
  public Optimizer create(Hyperparameters hp) {
    return new Rule(hp.real("lr"), hp.real("alpha"), hp.real("eps"), hp.real("momentum"),
        hp.flag("centered"), hp.real("weight_decay"));
  }

  private static final class Rule extends ElementwiseOptimizer {

    private static final int SQUARE_AVG = 0;

    private final double alpha;
    private final double oneMinusAlpha;
    private final double eps;
    private final double momentum;
    private final boolean centered;
    private final double weightDecay;
    private final int momentumBuffer;
    private final int gradAvg;

    Rule(double lr, double alpha, double eps, double momentum, boolean centered, double weightDecay) {
      super(lr, bufferNames(momentum, centered));
      this.alpha = alpha;
      this.oneMinusAlpha = 1 - alpha;
      this.eps = eps;
      this.momentum = momentum;
      this.centered = centered;
      this.weightDecay = weightDecay;
      this.momentumBuffer = momentum > 0 ? 1 : -1;
      this.gradAvg = centered ? (momentum > 0 ? 2 : 1) : -1;
    }

    private static String[] bufferNames(double momentum, boolean centered) {
      List<String> names = new ArrayList<>(List.of("square_avg"));
      if (momentum > 0) {
        names.add("momentum_buffer");
      }
      if (centered) {
        names.add("grad_avg");
      }
      return names.toArray(new String[0]);
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
      double v = alpha * e.buffer(SQUARE_AVG) + oneMinusAlpha * g * g;
      e.setBuffer(SQUARE_AVG, v);
      double denom;
      if (centered) {
        double gAvg = alpha * e.buffer(gradAvg) + oneMinusAlpha * g;
        e.setBuffer(gradAvg, gAvg);
        denom = Math.sqrt(v - gAvg * gAvg) + eps;
      } else {
        denom = Math.sqrt(v) + eps;
      }
      if (momentum > 0) {
        double buf = momentum * e.buffer(momentumBuffer) + g / denom;
        e.setBuffer(momentumBuffer, buf);
        e.set(theta - learningRate() * buf);
      } else {
        e.set(theta - learningRate() * g / denom);
      }
    }
  }
}
