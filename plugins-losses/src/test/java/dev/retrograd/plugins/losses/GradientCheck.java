package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Central differences for a loss, with {@code torch.autograd.gradcheck}'s defaults for doubles:
 * ε = 1e-6, and agreement when |analytic − numeric| ≤ 1e-5 + 1e-3·|numeric|.
 */
final class GradientCheck {

  static final double EPS = 1e-6;
  static final double ATOL = 1e-5;
  static final double RTOL = 1e-3;

  private GradientCheck() {}

  /** Returns {@code plugin} configured from {@code text}, such as {@code "delta=2"}. */
  static Loss create(LossPlugin plugin, String text) {
    return plugin.create(Hyperparameters.parse(text).resolve(plugin));
  }

  /** Returns the analytic gradient of {@code loss}. */
  static double[] gradient(Loss loss, double[] prediction, double[] target) {
    double[] out = new double[prediction.length];
    loss.gradient(prediction, target, out);
    return out;
  }

  /** Returns (L(p + ε·e_i) − L(p − ε·e_i)) / 2ε for every i. */
  static double[] numericGradient(Loss loss, double[] prediction, double[] target) {
    double[] numeric = new double[prediction.length];
    for (int i = 0; i < prediction.length; i++) {
      double[] plus = prediction.clone();
      double[] minus = prediction.clone();
      plus[i] += EPS;
      minus[i] -= EPS;
      numeric[i] = (loss.value(plus, target) - loss.value(minus, target)) / (2 * EPS);
    }
    return numeric;
  }

  /** Returns a line for each element whose analytic and numeric derivatives disagree. */
  static List<String> mismatches(Loss loss, double[] prediction, double[] target) {
    double[] analytic = gradient(loss, prediction, target);
    double[] numeric = numericGradient(loss, prediction, target);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < prediction.length; i++) {
      double tolerance = ATOL + RTOL * Math.abs(numeric[i]);
      if (!(Math.abs(analytic[i] - numeric[i]) <= tolerance)) {
        mismatches.add(loss + " at p=" + Arrays.toString(prediction) + ", t=" + Arrays.toString(target)
            + ": d/dp[" + i + "] analytic " + analytic[i] + ", numeric " + numeric[i]
            + ", tolerance " + tolerance);
      }
    }
    return mismatches;
  }
}
