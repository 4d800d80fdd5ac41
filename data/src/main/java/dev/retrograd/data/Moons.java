package dev.retrograd.data;

import java.util.SplittableRandom;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons}: class 0 on the upper arc
 * (cos t, sin t), class 1 on the lower arc (1 − cos t, ½ − sin t), t evenly spaced over [0, π],
 * shuffled, then Gaussian noise of standard deviation {@code noise} added to every coordinate.
 */
public final class Moons {

  /** The name of this data set in {@link Datasets}. */
  public static final String NAME = "moons";

  private Moons() {}

  /** Returns {@code n} points from the seed; the upper moon gets ⌊n/2⌋ of them. */
  public static Dataset generate(int n, double noise, long seed) {
    Generation.requirePoints(NAME, n, 2);
    Generation.requireNoise(NAME, noise);
    SplittableRandom random = new SplittableRandom(seed);
    int upper = n / 2;
    int lower = n - upper;
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < upper; i++) {
      double t = Math.PI * i / Math.max(1, upper - 1);
      x[i] = new double[] {Math.cos(t), Math.sin(t)};
      y[i] = 0;
    }
    for (int i = 0; i < lower; i++) {
      double t = Math.PI * i / Math.max(1, lower - 1);
      x[upper + i] = new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
      y[upper + i] = 1;
    }
    Generation.shuffle(x, y, random);
    for (double[] point : x) {
      point[0] += noise * random.nextGaussian();
      point[1] += noise * random.nextGaussian();
    }
    return Dataset.classification(NAME, Generation.PLANE, x, Generation.classNames(2), y);
  }
}
