package dev.retrograd.plugins.initializers;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Fills weights with independent draws, in index order, from the given generator. */
final class Draw {

  private Draw() {}

  /** Fills with {@code random.nextDouble(low, high)}: U[low, high); needs low &lt; high. */
  static void uniform(double[] weights, double low, double high, RandomGenerator random) {
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextDouble(low, high);
    }
  }

  /**
   * Fills with U[−bound, bound); a bound of 0 gives zeros without drawing, as
   * {@code uniform_(-0, 0)} does in PyTorch.
   */
  static void symmetricUniform(double[] weights, double bound, RandomGenerator random) {
    if (bound == 0) {
      Arrays.fill(weights, 0.0);
      return;
    }
    uniform(weights, -bound, bound, random);
  }

  /** Fills with {@code mean + std·random.nextGaussian()}: N(mean, std²). */
  static void normal(double[] weights, double mean, double std, RandomGenerator random) {
    for (int i = 0; i < weights.length; i++) {
      weights[i] = mean + std * random.nextGaussian();
    }
  }
}
