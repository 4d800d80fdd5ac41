package dev.retrograd.data;

import java.util.List;
import java.util.SplittableRandom;

/** What the generators share: argument checks, a shuffle, and their column names. */
final class Generation {

  /** The two coordinates of a point in the plane. */
  static final List<String> PLANE = List.of("x1", "x2");

  private Generation() {}

  /** Rejects fewer than {@code minimum} points, naming the data set. */
  static void requirePoints(String dataset, int n, int minimum) {
    if (n < minimum) {
      throw new IllegalArgumentException(dataset + " needs at least " + minimum + " points, was " + n);
    }
  }

  /** Rejects a negative, infinite or NaN noise level, naming the data set. */
  static void requireNoise(String dataset, double noise) {
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException(dataset + " noise must be a finite number >= 0, was " + noise);
    }
  }

  /** Returns the class names "0", "1", … for {@code count} classes. */
  static List<String> classNames(int count) {
    return Dataset.numbered("", count, 0);
  }

  /**
   * Returns point i of {@code count} evenly spaced from {@code from} to {@code to}, both included,
   * as numpy's {@code linspace(from, to, count)[i]}; a single point sits at {@code from}.
   */
  static double linspace(double from, double to, int count, int i) {
    return count == 1 ? from : from + (to - from) * i / (count - 1);
  }

  /** Shuffles rows and labels together (Fisher–Yates, from the last row down). */
  static void shuffle(double[][] x, int[] y, SplittableRandom random) {
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
