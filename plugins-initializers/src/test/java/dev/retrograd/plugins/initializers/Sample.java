package dev.retrograd.plugins.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks that weights look like independent draws from a distribution, with tolerances of five
 * standard errors for the sample size n (a false alarm has probability below 1e-6 per check, and the
 * seeds are fixed, so the tests are deterministic).
 *
 * <p>Standard errors: of the mean, σ/√n; of the sample variance, √((μ₄ − σ⁴)/n), which is σ²·√(2/n)
 * for a normal (μ₄ = 3σ⁴) and w²/√(180·n) for a uniform of width w (σ² = w²/12, μ₄ = w⁴/80).
 */
final class Sample {

  /** P(|Z| > 2) for a standard normal Z, 2·(1 − Φ(2)). */
  static final double NORMAL_BEYOND_TWO_SIGMA = 0.04550026389635842;

  private Sample() {}

  static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  static double variance(double[] x) {
    double mean = mean(x);
    double sum = 0;
    for (double v : x) {
      sum += (v - mean) * (v - mean);
    }
    return sum / (x.length - 1);
  }

  /**
   * Asserts draws from U[low, high): all inside, the extremes near both ends, mean (low+high)/2 and
   * variance (high−low)²/12.
   */
  static void assertUniform(double[] x, double low, double high) {
    int n = x.length;
    double width = high - low;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // P(no draw within width/1000 of an end) = 0.999^n, below 1e-39 for n = 90,000.
    assertThat(min).as("smallest weight").isGreaterThanOrEqualTo(low).isLessThan(low + width / 1000);
    assertThat(max).as("largest weight").isLessThan(high).isGreaterThan(high - width / 1000);
    assertThat(mean(x)).as("mean").isCloseTo((low + high) / 2, within(5 * width / Math.sqrt(12.0 * n)));
    assertThat(variance(x)).as("variance")
        .isCloseTo(width * width / 12, within(5 * width * width / Math.sqrt(180.0 * n)));
  }

  /**
   * Asserts draws from N(mean, std²): the mean, the variance, and the share beyond two standard
   * deviations, which tells a normal from a uniform of the same variance (that has none).
   */
  static void assertNormal(double[] x, double mean, double std) {
    int n = x.length;
    assertThat(mean(x)).as("mean").isCloseTo(mean, within(5 * std / Math.sqrt(n)));
    assertThat(variance(x)).as("variance")
        .isCloseTo(std * std, within(5 * std * std * Math.sqrt(2.0 / n)));
    int beyond = 0;
    for (double v : x) {
      if (Math.abs(v - mean) > 2 * std) {
        beyond++;
      }
    }
    double p = NORMAL_BEYOND_TWO_SIGMA;
    assertThat((double) beyond / n).as("share beyond 2 std")
        .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
  }
}
