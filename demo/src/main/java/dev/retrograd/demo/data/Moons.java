package dev.retrograd.demo.data;

import java.util.SplittableRandom;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons}: class 0 on the upper arc
 * (cos t, sin t), class 1 on the lower arc (1 − cos t, ½ − sin t), t evenly spaced over [0, π],
 * shuffled, then Gaussian noise of standard deviation {@code noise} added to every coordinate.
 */
public final class Moons {

  private Moons() {}

  /** Returns {@code n} points from the seed; the upper moon gets ⌊n/2⌋ of them. */
  public static Dataset generate(int n, double noise, long seed) {
    if (n < 2) {
      throw new IllegalArgumentException("moons needs at least 2 points, was " + n);
    }
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
    shuffle(x, y, random);
    for (double[] point : x) {
      point[0] += noise * random.nextGaussian();
      point[1] += noise * random.nextGaussian();
    }
    return new Dataset(x, y);
  }

  private static void shuffle(double[][] x, int[] y, SplittableRandom random) {
    for (int i = x.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double[] point = x[i];
      x[i] = x[j];
      x[j] = point;
      int label = y[i];
      y[i] = y[j];
      y[j] = label;
    }
  }
}
