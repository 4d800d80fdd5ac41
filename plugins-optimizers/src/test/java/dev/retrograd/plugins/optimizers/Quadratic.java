package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Parameters;
import java.util.List;

/**
 * The test problem f(θ) = Σ a_i·θ_i² + b_i·θ_i on four parameters, whose gradient 2·a_i·θ_i + b_i is
 * recomputed before every step. θ_3 starts where its gradient is exactly 0; θ_2 is large.
 */
final class Quadratic {

  static final double[] A = {0.5, 2.0, 1e-3, 1.0};
  static final double[] B = {-1.0, 0.3, 2.5, -2.0};
  static final double[] START = {1.5, -0.75, 1000.0, 1.0};

  /** Every plugin of the module, in name order. */
  static final List<OptimizerPlugin> PLUGINS =
      List.of(new Adagrad(), new Adam(), new AdamW(), new Lion(), new RmsProp(), new Sgd());

  final double[] theta;
  final double[] gradient;
  private final Parameters parameters;

  Quadratic() {
    this(START.clone());
  }

  private Quadratic(double[] theta) {
    this.theta = theta;
    this.gradient = new double[theta.length];
    this.parameters = Parameters.of(theta, gradient);
  }

  /** Returns an independent copy at the same θ. */
  Quadratic copy() {
    return new Quadratic(theta.clone());
  }

  /** Recomputes the gradient at θ and lets {@code optimizer} take one step. */
  void step(Optimizer optimizer) {
    for (int i = 0; i < theta.length; i++) {
      gradient[i] = 2 * A[i] * theta[i] + B[i];
    }
    optimizer.step(parameters);
  }

  /** Returns θ after each of {@code steps} steps. */
  double[][] trajectory(Optimizer optimizer, int steps) {
    double[][] trajectory = new double[steps][];
    for (int k = 0; k < steps; k++) {
      step(optimizer);
      trajectory[k] = theta.clone();
    }
    return trajectory;
  }

  /** Returns the plugin named {@code name}. */
  static OptimizerPlugin plugin(String name) {
    return PLUGINS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /** Returns plugin {@code name} configured from text such as {@code "lr=0.1,momentum=0.9"}. */
  static Optimizer optimizer(String name, String hyperparameters) {
    return optimizer(name, Hyperparameters.parse(hyperparameters));
  }

  /** Returns plugin {@code name} configured with {@code hyperparameters}, defaults filled in. */
  static Optimizer optimizer(String name, Hyperparameters hyperparameters) {
    OptimizerPlugin plugin = plugin(name);
    return plugin.create(hyperparameters.resolve(plugin));
  }
}
