package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.Plugins;
import java.util.List;

/**
 * Small activation and initializer plugins for layer tests: the real plugin modules are not on
 * autograd's class path, so tests pass these to {@link Plugins#of} directly.
 */
final class LayerTestPlugins {

  private LayerTestPlugins() {}

  /** Returns a registry of every plugin below. */
  static Plugins plugins() {
    return Plugins.of(List.of(new Tanh(), new LeakyRelu(), new Uniform(), new Constant(), new Indexed(),
        new NotFinite()));
  }

  /** tanh(x), derivative 1 − y². */
  static final class Tanh implements ActivationPlugin, Activation {
    @Override
    public String name() {
      return "tanh";
    }

    @Override
    public String description() {
      return "tanh(x)";
    }

    @Override
    public Activation create(Hyperparameters hp) {
      return this;
    }

    @Override
    public double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
      return 1 - y * y;
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /** x for x ≥ 0, negative_slope·x below. */
  static final class LeakyRelu implements ActivationPlugin {
    @Override
    public String name() {
      return "leaky_relu";
    }

    @Override
    public String description() {
      return "max(0, x) + negative_slope * min(0, x)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return List.of(Hyperparameter.real("negative_slope", 0.01, "slope below 0").atLeast(0));
    }

    @Override
    public Activation create(Hyperparameters hp) {
      double slope = hp.real("negative_slope");
      return new Activation() {
        @Override
        public double apply(double x) {
          return x >= 0 ? x : slope * x;
        }

        @Override
        public double derivative(double x, double y) {
          return x >= 0 ? 1 : slope;
        }
      };
    }
  }

  /** U[low, high) by {@code random.nextDouble(low, high)} in index order, as the real uniform plugin. */
  static final class Uniform implements InitializerPlugin {
    @Override
    public String name() {
      return "uniform";
    }

    @Override
    public String description() {
      return "w ~ U(low, high)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return List.of(Hyperparameter.real("low", -1.0, "lower bound"), Hyperparameter.real("high", 1.0, "upper bound"));
    }

    @Override
    public Initializer create(Hyperparameters hp) {
      double low = hp.real("low");
      double high = hp.real("high");
      return (weights, fanIn, fanOut, random) -> {
        for (int k = 0; k < weights.length; k++) {
          weights[k] = random.nextDouble(low, high);
        }
      };
    }
  }

  /** Every weight = value. */
  static final class Constant implements InitializerPlugin {
    @Override
    public String name() {
      return "constant";
    }

    @Override
    public String description() {
      return "w = value";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return List.of(Hyperparameter.real("value", 0.5, "the weight"));
    }

    @Override
    public Initializer create(Hyperparameters hp) {
      double value = hp.real("value");
      return (weights, fanIn, fanOut, random) -> java.util.Arrays.fill(weights, value);
    }
  }

  /** weight[o][i] = 10·o + i, checking the row-major fanOut × fanIn layout. */
  static final class Indexed implements InitializerPlugin {
    @Override
    public String name() {
      return "indexed";
    }

    @Override
    public String description() {
      return "w[o][i] = 10 o + i";
    }

    @Override
    public Initializer create(Hyperparameters hp) {
      return (weights, fanIn, fanOut, random) -> {
        if (weights.length != fanIn * fanOut) {
          throw new AssertionError("weights.length " + weights.length + " != " + fanIn + " x " + fanOut);
        }
        for (int o = 0; o < fanOut; o++) {
          for (int i = 0; i < fanIn; i++) {
            weights[o * fanIn + i] = 10 * o + i;
          }
        }
      };
    }
  }

  /** Leaves weight[1][0] NaN, as a broken initializer might. */
  static final class NotFinite implements InitializerPlugin {
    @Override
    public String name() {
      return "not_finite";
    }

    @Override
    public String description() {
      return "a broken initializer";
    }

    @Override
    public Initializer create(Hyperparameters hp) {
      return (weights, fanIn, fanOut, random) -> weights[fanIn] = Double.NaN;
    }
  }
}
