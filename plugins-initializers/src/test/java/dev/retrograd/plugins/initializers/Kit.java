package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Shortcuts for tests: make an initializer from text, fill a fresh matrix from a seed. */
final class Kit {

  /** fanIn and fanOut of the large fills: 90,000 weights, and fan_in ≠ fan_out so a swap shows. */
  static final int FAN_IN = 400;
  static final int FAN_OUT = 225;

  private Kit() {}

  /** Returns {@code plugin}'s initializer for hyperparameters such as {@code "gain=2"}. */
  static Initializer create(InitializerPlugin plugin, String hyperparameters) {
    return plugin.create(Hyperparameters.parse(hyperparameters).resolve(plugin));
  }

  /** Returns a fanOut × fanIn matrix, first set to NaN, filled from {@code SplittableRandom(seed)}. */
  static double[] fill(Initializer initializer, int fanIn, int fanOut, long seed) {
    double[] weights = new double[fanIn * fanOut];
    Arrays.fill(weights, Double.NaN);
    initializer.initialize(weights, fanIn, fanOut, new SplittableRandom(seed));
    return weights;
  }
}
