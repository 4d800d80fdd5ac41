package dev.retrograd.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A regression of one period of the sine: x uniform in [−π, π), y = sin(x) + noise · N(0, 1).
 * The points come in the order they are drawn, which is already random.
 */
public final class Sine {

  /** The name of this data set in {@link Datasets}. */
  public static final String NAME = "sine";

  private Sine() {}

  /** Returns {@code n} points (x, y) from the seed, with feature "x" and target "y". */
  public static Dataset generate(int n, double noise, long seed) {
    Generation.requirePoints(NAME, n, 1);
    Generation.requireNoise(NAME, noise);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double point = random.nextDouble(-Math.PI, Math.PI);
      x[i] = new double[] {point};
      y[i] = Math.sin(point) + noise * random.nextGaussian();
    }
    return Dataset.regression(NAME, List.of("x"), x, "y", y);
  }
}
