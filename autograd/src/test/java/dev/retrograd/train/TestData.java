package dev.retrograd.train;

import java.util.SplittableRandom;

/** Small seeded data sets for the trainer's tests. */
final class TestData {

  private TestData() {}

  /** {@code n} rows of x uniform in [−2, 2)², y = sin(x0) + x1/2. */
  static Examples regression(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
      y[i] = new double[] {Math.sin(x[i][0]) + x[i][1] / 2};
    }
    return new Examples(x, y);
  }

  /** {@code n} rows of three Gaussian blobs in 2-D with one-hot targets. */
  static Examples blobs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centers = {{-1.5, 0}, {1.5, 0}, {0, 1.5}};
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      x[i] = new double[] {centers[c][0] + 0.6 * gaussian(random), centers[c][1] + 0.6 * gaussian(random)};
      y[i] = new double[3];
      y[i][c] = 1;
    }
    return new Examples(x, y);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
