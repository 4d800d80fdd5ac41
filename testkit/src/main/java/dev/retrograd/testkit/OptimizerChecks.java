package dev.retrograd.testkit;

import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An optimizer on test functions: it decreases a convex quadratic, makes progress on Rosenbrock,
 * leaves a parameter with an always-zero gradient alone, and continues bit-for-bit after its state
 * is saved and restored into a fresh instance.
 */
final class OptimizerChecks {

  static final int QUADRATIC_STEPS = 500;
  static final int ROSENBROCK_STEPS = 3000;
  /** Rosenbrock runs with the optimizer's learning rate, capped here so that plain SGD is stable. */
  static final double ROSENBROCK_MAX_LR = 1e-3;

  private OptimizerChecks() {}

  /** A function to minimize with its gradient. */
  private interface Objective {
    double value(double[] x);

    void gradient(double[] x, double[] out);
  }

  /** f(x) = ½ Σ a_i (x_i − c_i)², with a_i in [0.5, 2] and c_i in [−1, 1]. */
  private static final Objective QUADRATIC = new Objective() {
    private final double[] a = {0.5, 1.0, 2.0, 0.8, 1.5, 1.2};
    private final double[] c = {1.0, -0.5, 0.25, -1.0, 0.75, 0.1};

    @Override
    public double value(double[] x) {
      double f = 0;
      for (int i = 0; i < x.length; i++) {
        f += 0.5 * a[i] * (x[i] - c[i]) * (x[i] - c[i]);
      }
      return f;
    }

    @Override
    public void gradient(double[] x, double[] out) {
      for (int i = 0; i < x.length; i++) {
        out[i] = a[i] * (x[i] - c[i]);
      }
    }
  };

  /** f(x, y) = (1 − x)² + 100 (y − x²)². */
  private static final Objective ROSENBROCK = new Objective() {
    @Override
    public double value(double[] p) {
      double x = p[0];
      double y = p[1];
      return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    @Override
    public void gradient(double[] p, double[] out) {
      double x = p[0];
      double y = p[1];
      out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      out[1] = 200 * (y - x * x);
    }
  };

  /**
   * Runs every check on optimizers made by {@code fresh}; {@code withoutDecay} makes them with
   * weight decay off, for the zero-gradient check.
   */
  static void check(String name, Supplier<Optimizer> fresh, Supplier<Optimizer> withoutDecay) {
    decreasesAConvexQuadratic(name, fresh.get());
    makesProgressOnRosenbrock(name, fresh.get());
    leavesAParameterWithZeroGradientAlone(name, withoutDecay.get());
    continuesExactlyAfterRestore(name, fresh);
  }

  private static void decreasesAConvexQuadratic(String name, Optimizer optimizer) {
    double[] x = new double[6];
    double before = QUADRATIC.value(x);
    run(optimizer, QUADRATIC, x, QUADRATIC_STEPS);
    double after = QUADRATIC.value(x);
    if (!(after < before)) {
      throw new ConformanceFailure("Optimizer", name, "decreases a convex quadratic",
          "f went from " + before + " to " + after + " in " + QUADRATIC_STEPS + " steps");
    }
  }

  private static void makesProgressOnRosenbrock(String name, Optimizer optimizer) {
    optimizer.setLearningRate(Math.min(optimizer.learningRate(), ROSENBROCK_MAX_LR));
    double[] x = {-1.2, 1.0};
    double before = ROSENBROCK.value(x);
    run(optimizer, ROSENBROCK, x, ROSENBROCK_STEPS);
    double after = ROSENBROCK.value(x);
    if (!(after <= 0.9 * before)) {
      throw new ConformanceFailure("Optimizer", name, "makes progress on Rosenbrock",
          "f went from " + before + " to " + after + " (needs <= " + 0.9 * before + ") in "
              + ROSENBROCK_STEPS + " steps at lr " + optimizer.learningRate() + " from (-1.2, 1)");
    }
  }

  private static void leavesAParameterWithZeroGradientAlone(String name, Optimizer optimizer) {
    double[] x = {0.75, -0.3};
    double[] gradient = new double[2];
    Parameters parameters = Parameters.of(x, gradient);
    for (int step = 0; step < 50; step++) {
      gradient[0] = 0;
      gradient[1] = 2 * x[1] - 1;
      optimizer.step(parameters);
    }
    if (x[0] != 0.75) {
      throw new ConformanceFailure("Optimizer", name, "leaves a parameter with zero gradient alone",
          "it moved from 0.75 to " + x[0] + " in 50 steps without weight decay");
    }
  }

  private static void continuesExactlyAfterRestore(String name, Supplier<Optimizer> fresh) {
    Optimizer uninterrupted = fresh.get();
    double[] straight = new double[6];
    run(uninterrupted, QUADRATIC, straight, 10);

    Optimizer first = fresh.get();
    double[] resumed = new double[6];
    run(first, QUADRATIC, resumed, 5);
    Map<String, double[]> saved = first.state();
    Optimizer second = fresh.get();
    second.loadState(copy(saved));
    run(second, QUADRATIC, resumed, 5);

    if (!Arrays.equals(straight, resumed)) {
      throw new ConformanceFailure("Optimizer", name, "continues exactly after its state is restored",
          "after 5 + 5 steps the parameters are " + Arrays.toString(resumed) + ", uninterrupted "
              + Arrays.toString(straight) + "; saved state had buffers " + saved.keySet());
    }
  }

  private static Map<String, double[]> copy(Map<String, double[]> state) {
    Map<String, double[]> copy = new java.util.LinkedHashMap<>();
    state.forEach((key, values) -> copy.put(key, values.clone()));
    return copy;
  }

  private static void run(Optimizer optimizer, Objective objective, double[] x, int steps) {
    double[] gradient = new double[x.length];
    Parameters parameters = Parameters.of(x, gradient);
    for (int step = 0; step < steps; step++) {
      objective.gradient(x, gradient);
      optimizer.step(parameters);
    }
  }
}
