package dev.retrograd.testkit;

import java.util.function.DoubleUnaryOperator;

/**
 * Tells a kink from a wrong derivative: where f has a corner within ε of x (|x| at 0, relu at 0),
 * the central difference averages two slopes and matches neither side, so the kit skips the point
 * rather than blame the plugin.
 */
final class Kinks {

  private Kinks() {}

  /** Returns whether the one-sided slopes of f at x differ by more than {@code tolerance}. */
  static boolean isKink(DoubleUnaryOperator f, double x, double eps, double tolerance) {
    double here = f.applyAsDouble(x);
    double right = (f.applyAsDouble(x + eps) - here) / eps;
    double left = (here - f.applyAsDouble(x - eps)) / eps;
    return Math.abs(right - left) > tolerance;
  }
}
