package dev.retrograd.autograd.graph;

import java.util.Locale;

/** The numbers on a graph's nodes, the same in DOT text and in pictures. */
public final class LabelNumbers {

  private LabelNumbers() {}

  /**
   * Returns {@code x} with four decimals as micrograd's pictures show them ({@code 0.7071},
   * {@code -1.5000}), and in scientific notation with four digits below 0.0001 or from a million up
   * ({@code 3.125e-07}, {@code 1.250e+06}); 0 and -0 are {@code 0.0000}.
   */
  public static String format(double x) {
    if (x == 0) {
      return "0.0000";
    }
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    double magnitude = Math.abs(x);
    return magnitude >= 1e-4 && magnitude < 1e6
        ? String.format(Locale.ROOT, "%.4f", x)
        : String.format(Locale.ROOT, "%.3e", x);
  }
}
