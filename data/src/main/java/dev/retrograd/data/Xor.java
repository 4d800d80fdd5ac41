package dev.retrograd.data;

import java.util.SplittableRandom;

/**
 * The XOR problem in the plane: points uniform in the square [−1, 1]², class 1 where x1 and x2
 * have the same sign (quadrants I and III, x1·x2 &gt; 0), class 0 where they differ (II and IV).
 * No single line separates the classes.
 *
 * <p>Point i is drawn in quadrant i mod 4 (I, II, III, IV) with |x1| and |x2| uniform in (0, 1],
 * so the square is covered uniformly and the classes are balanced exactly; the points are then
 * shuffled. The label is taken before Gaussian noise of standard deviation {@code noise} is added
 * to every coordinate, so with noise some points near the axes lie across from their class.
 */
public final class Xor {

  /** The name of this data set in {@link Datasets}. */
  public static final String NAME = "xor";

  private static final int[][] QUADRANT_SIGNS = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};

  private Xor() {}

  /** Returns {@code n} points from the seed; class 1 (same signs) gets ⌈n/2⌉ of them. */
  public static Dataset generate(int n, double noise, long seed) {
    Generation.requirePoints(NAME, n, 2);
    Generation.requireNoise(NAME, noise);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int[] signs = QUADRANT_SIGNS[i % 4];
      x[i] = new double[] {signs[0] * (1 - random.nextDouble()), signs[1] * (1 - random.nextDouble())};
      y[i] = signs[0] == signs[1] ? 1 : 0;
    }
    Generation.shuffle(x, y, random);
    for (double[] point : x) {
      point[0] += noise * random.nextGaussian();
      point[1] += noise * random.nextGaussian();
    }
    return Dataset.classification(NAME, Generation.PLANE, x, Generation.classNames(2), y);
  }
}
