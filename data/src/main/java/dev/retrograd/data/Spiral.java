package dev.retrograd.data;

import java.util.SplittableRandom;

/**
 * Interleaved spiral arms, one per class, as in Stanford's CS231n notes ("Putting it together:
 * minimal neural network case study"). Arm j of k, with m points, has
 *
 * <pre>
 * r_i = linspace(0, 1, m)[i]
 * t_i = linspace(4j, 4(j + 1), m)[i] + noise · N(0, 1)
 * point_i = (r_i sin t_i, r_i cos t_i),  class j
 * </pre>
 *
 * <p>so the noise (CS231n uses 0.2) jitters the angle, not the coordinates. The points are then
 * shuffled. A linear model cannot separate the arms; a small MLP can.
 */
public final class Spiral {

  /** The name of this data set in {@link Datasets}. */
  public static final String NAME = "spiral";

  /** The number of arms when none is given, as in CS231n. */
  public static final int DEFAULT_CLASSES = 3;

  private Spiral() {}

  /**
   * Returns {@code n} points on {@code classes} arms from the seed; arm j gets ⌊n/k⌋ points, one
   * more for the first n mod k arms.
   */
  public static Dataset generate(int n, double noise, long seed, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException(NAME + " needs at least 2 classes, was " + classes);
    }
    Generation.requirePoints(NAME, n, classes);
    Generation.requireNoise(NAME, noise);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    int[] y = new int[n];
    int row = 0;
    for (int j = 0; j < classes; j++) {
      int m = n / classes + (j < n % classes ? 1 : 0);
      for (int i = 0; i < m; i++, row++) {
        double r = Generation.linspace(0, 1, m, i);
        double t = Generation.linspace(4.0 * j, 4.0 * (j + 1), m, i) + noise * random.nextGaussian();
        x[row] = new double[] {r * Math.sin(t), r * Math.cos(t)};
        y[row] = j;
      }
    }
    Generation.shuffle(x, y, random);
    return Dataset.classification(NAME, Generation.PLANE, x, Generation.classNames(classes), y);
  }
}
