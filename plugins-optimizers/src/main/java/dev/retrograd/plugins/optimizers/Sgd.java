package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
 * decay, exact to {@code torch.optim.SGD} (single-tensor path, {@code maximize=False}):
 *
 * <pre>
 * g ← g + weight_decay·θ
 * if momentum ≠ 0:
 *   buf ← g                                   on the first step (no dampening)
 *   buf ← momentum·buf + (1 − dampening)·g    afterwards
 *   g ← g + momentum·buf   if nesterov,  else  g ← buf
 * θ ← θ − lr·g
 * </pre>
 *
 * <p>Defaults as PyTorch: {@code lr=0.01, momentum=0, dampening=0, nesterov=false, weight_decay=0}.
 * Nesterov needs {@code momentum > 0} and {@code dampening = 0}. The state holds
 * {@code momentum_buffer} only when {@code momentum ≠ 0}.
 */
public final class Sgd implements OptimizerPlugin {

  /** Creates the plugin. */
  public Sgd() {}

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  public String description() {
    return "Stochastic gradient descent, optionally with (Nesterov) momentum: θ ← θ − lr·g (torch.optim.SGD)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(
        Hyperparameter.real("lr", 0.01, "learning rate").atLeast(0),
        Hyperparameter.real("momentum", 0, "momentum factor; 0 for plain SGD").atLeast(0),
        Hyperparameter.real("dampening", 0, "dampening for momentum: buf ← momentum·buf + (1 − dampening)·g"),
        Hyperparameter.flag("nesterov", false, "use Nesterov momentum (needs momentum > 0, dampening = 0)"),
        Hyperparameter.real("weight_decay", 0, "L2 penalty added to the gradient: g ← g + weight_decay·θ")
            .atLeast(0));
  }

  @Override
  public Optimizer create(Hyperparameters hp) {
    double momentum = hp.real("momentum");
    double dampening = hp.real("dampening");
    boolean nesterov = hp.flag("nesterov");
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException("sgd: nesterov=true needs momentum > 0 and dampening = 0, got momentum="
          + momentum + ", dampening=" + dampening);
    }
    return new Rule(hp.real("lr"), momentum, dampening, nesterov, hp.real("weight_decay"));
  }

  private static final class Rule extends ElementwiseOptimizer {

    private static final int MOMENTUM_BUFFER = 0;

    private final double momentum;
    private final double oneMinusDampening;
    private final boolean nesterov;
    private final double weightDecay;

    Rule(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
      super(lr, momentum != 0 ? new String[] {"momentum_buffer"} : new String[0]);
      this.momentum = momentum;
      this.oneMinusDampening = 1 - dampening;
      this.nesterov = nesterov;
      this.weightDecay = weightDecay;
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
      if (momentum != 0) {
        double buf = steps() == 1 ? g : momentum * e.buffer(MOMENTUM_BUFFER) + oneMinusDampening * g;
        e.setBuffer(MOMENTUM_BUFFER, buf);
        g = nesterov ? g + momentum * buf : buf;
      }
      e.set(theta - learningRate() * g);
    }
  }
}
