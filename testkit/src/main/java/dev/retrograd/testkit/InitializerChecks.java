package dev.retrograd.testkit;

import dev.retrograd.api.Initializer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An initializer on a large fill: finite weights, the same weights for the same seed, and, when
 * the formula is given, its mean, variance and bounds within a few standard errors.
 */
final class InitializerChecks {

  /** A 300 × 300 fill: 90,000 weights. */
  static final int FAN_IN = 300;
  static final int FAN_OUT = 300;
  private static final double STANDARD_ERRORS = 6;

  private InitializerChecks() {}

  static void check(String name, Initializer initializer, Moments.Formula formula) {
    double[] weights = fill(initializer, FAN_IN, FAN_OUT, 7);
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw failure(name, "draws finite weights", "drew " + w);
      }
    }
    if (!Arrays.equals(weights, fill(initializer, FAN_IN, FAN_OUT, 7))) {
      throw failure(name, "gives the same weights for the same seed", "two fills from seed 7 differ");
    }
    double[] tall = fill(initializer, 3, 40, 11);
    if (!Arrays.stream(tall).allMatch(Double::isFinite)) {
      throw failure(name, "fills every shape", "a 40 × 3 fill has non-finite weights");
    }
    if (formula != null) {
      checkMoments(name, weights, formula.at(FAN_IN, FAN_OUT));
    }
  }

  private static void checkMoments(String name, double[] weights, Moments expected) {
    int n = weights.length;
    double mean = Arrays.stream(weights).average().orElseThrow();
    double variance = Arrays.stream(weights).map(w -> (w - mean) * (w - mean)).sum() / (n - 1);
    double meanTolerance = STANDARD_ERRORS * Math.sqrt(expected.variance() / n) + 1e-12;
    if (Math.abs(mean - expected.mean()) > meanTolerance) {
      throw failure(name, "has the formula's mean", "mean " + mean + ", expected " + expected.mean()
          + " ± " + meanTolerance + " over " + n + " weights");
    }
    double varianceTolerance = STANDARD_ERRORS * expected.variance() * Math.sqrt(2.0 / n) + 1e-12;
    if (Math.abs(variance - expected.variance()) > varianceTolerance) {
      throw failure(name, "has the formula's variance", "variance " + variance + ", expected "
          + expected.variance() + " ± " + varianceTolerance + " over " + n + " weights");
    }
    double low = Arrays.stream(weights).min().orElseThrow();
    double high = Arrays.stream(weights).max().orElseThrow();
    if (low < expected.low() || high > expected.high()) {
      throw failure(name, "stays within the formula's bounds", "weights span [" + low + ", " + high
          + "], allowed [" + expected.low() + ", " + expected.high() + "]");
    }
  }

  private static double[] fill(Initializer initializer, int fanIn, int fanOut, long seed) {
    double[] weights = new double[fanIn * fanOut];
    Arrays.fill(weights, Double.NaN);
    initializer.initialize(weights, fanIn, fanOut, new SplittableRandom(seed));
    return weights;
  }

  private static ConformanceFailure failure(String name, String check, String numbers) {
    return new ConformanceFailure("Initializer", name, check, numbers);
  }
}
