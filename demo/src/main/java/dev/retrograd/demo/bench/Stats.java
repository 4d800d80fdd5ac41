package dev.retrograd.demo.bench;

import java.util.Arrays;

/** Small statistics over timings. */
final class Stats {

  private Stats() {}

  /**
   * Returns the median of the first {@code count} samples: the middle one, or the mean of the two
   * middle ones when {@code count} is even. The samples are not modified.
   *
   * @throws IllegalArgumentException if {@code count} is not in [1, samples.length]
   */
  static double median(long[] samples, int count) {
    if (count < 1 || count > samples.length) {
      throw new IllegalArgumentException(
          "median needs between 1 and " + samples.length + " samples, was asked for " + count);
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int middle = count / 2;
    return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  /** Returns max over i of |a[i] − b[i]| / max(|a[i]|, |b[i]|), 0 where both are 0. */
  static double maxRelativeDifference(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("need two vectors of the same length, got " + a.length + " and " + b.length);
    }
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, relativeDifference(a[i], b[i]));
    }
    return worst;
  }

  /** Returns |a − b| / max(|a|, |b|), 0 when both are 0. */
  static double relativeDifference(double a, double b) {
    double scale = Math.max(Math.abs(a), Math.abs(b));
    return scale == 0 ? 0 : Math.abs(a - b) / scale;
  }
}
