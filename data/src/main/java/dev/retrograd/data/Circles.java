package dev.retrograd.data;

import java.util.SplittableRandom;

/**
 * A small circle inside a large one, as scikit-learn's {@code make_circles(factor=0.5)}: class 0
 * on the outer circle of radius 1, (cos t, sin t), class 1 on the inner circle of radius ½,
 * (½ cos t, ½ sin t), with t = 2π·i/m for i = 0 … m − 1 on each circle of m points (numpy's
 * {@code linspace(0, 2π, m, endpoint=False)}), shuffled, then Gaussian noise of standard deviation
 * {@code noise} added to every coordinate.
 */
public final class Circles {

  /** The name of this data set in {@link Datasets}. */
  public static final String NAME = "circles";

  /** The inner circle's radius relative to the outer one, sklearn's {@code factor}. */
  public static final double FACTOR = 0.5;

  private Circles() {}

  /** Returns {@code n} points from the seed; the outer circle gets ⌊n/2⌋ of them. */
  public static Dataset generate(int n, double noise, long seed) {
    Generation.requirePoints(NAME, n, 2);
    Generation.requireNoise(NAME, noise);
    SplittableRandom random = new SplittableRandom(seed);
    int outer = n / 2;
    int inner = n - outer;
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < outer; i++) {
      double t = 2 * Math.PI * i / outer;
      x[i] = new double[] {Math.cos(t), Math.sin(t)};
      y[i] = 0;
    }
    for (int i = 0; i < inner; i++) {
      double t = 2 * Math.PI * i / inner;
      x[outer + i] = new double[] {FACTOR * Math.cos(t), FACTOR * Math.sin(t)};
      y[outer + i] = 1;
    }
    Generation.shuffle(x, y, random);
    for (double[] point : x) {
      point[0] += noise * random.nextGaussian();
      point[1] += noise * random.nextGaussian();
    }
    return Dataset.classification(NAME, Generation.PLANE, x, Generation.classNames(2), y);
  }
}
