package dev.retrograd.nn;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;

/**
 * Two initializers that only tests need, found like any plugin through this module's test
 * {@code META-INF/services} file, next to the real built-ins: one that writes each weight's
 * position, to check the row-major layout, and one that breaks, to check the error.
 */
final class ProbeInitializers {

  private ProbeInitializers() {}

  /** weight[o][i] = 10·o + i, checking the row-major fanOut × fanIn layout. */
  public static final class Indexed implements InitializerPlugin {
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
  public static final class NotFinite implements InitializerPlugin {
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
