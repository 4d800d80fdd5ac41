package dev.retrograd.train;

import dev.retrograd.data.Dataset;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded data sets for the trainer's tests. */
final class TestData {

  private TestData() {}

  /** Returns a regression data set of one feature per row, {@code x[i]} → {@code y[i]}. */
  static Dataset line(double[] x, double[] y) {
    double[][] rows = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      rows[i] = new double[] {x[i]};
    }
    return Dataset.regression("line", List.of("x"), rows, "y", y);
  }

  /** {@code n} rows of x uniform in [−2, 2)², y = sin(x0) + x1/2. */
  static Dataset regression(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
      y[i] = Math.sin(x[i][0]) + x[i][1] / 2;
    }
    return Dataset.regression("wave", List.of("x0", "x1"), x, "y", y);
  }

  /** {@code n} rows of three Gaussian blobs in 2-D, row i of class i mod 3. */
  static Dataset blobs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centers = {{-1.5, 0}, {1.5, 0}, {0, 1.5}};
    double[][] x = new double[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      x[i] = new double[] {centers[c][0] + 0.6 * gaussian(random), centers[c][1] + 0.6 * gaussian(random)};
      labels[i] = c;
    }
    return Dataset.classification("blobs", List.of("x0", "x1"), x, List.of("a", "b", "c"), labels);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
