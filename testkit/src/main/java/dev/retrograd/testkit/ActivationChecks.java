package dev.retrograd.testkit;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.GradCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/** An activation's derivative against central differences over a spread of points, large ones too. */
final class ActivationChecks {

  /** Points from −1000 to 1000, dense in [−8, 8], avoiding the usual kinks (0, ±1, 6, 20). */
  static final double[] POINTS = DoubleStream.concat(
      DoubleStream.of(-1000, -200.5, -50.25, -20.5, -12.3, 12.3, 20.5, 50.25, 200.5, 1000),
      DoubleStream.iterate(-7.97, x -> x <= 8, x -> x + 0.37)).toArray();

  private ActivationChecks() {}

  static void check(String name, Activation activation) {
    GradCheck gradCheck = GradCheck.defaults();
    List<GradCheck.Mismatch> mismatches = new ArrayList<>();
    for (double x : POINTS) {
      double y = activation.apply(x);
      if (Double.isNaN(y)) {
        throw new ConformanceFailure("Activation", name, "is defined on finite inputs", "apply(" + x + ") is NaN");
      }
      boolean smoothHere = Double.isFinite(activation.apply(x - gradCheck.eps()))
          && Double.isFinite(activation.apply(x + gradCheck.eps()));
      if (smoothHere) {
        for (GradCheck.Mismatch mismatch : gradCheck.compare(activation, x)) {
          if (!Kinks.isKink(activation::apply, x, gradCheck.eps(), mismatch.tolerance())) {
            mismatches.add(mismatch);
          }
        }
      }
    }
    if (!mismatches.isEmpty()) {
      throw new ConformanceFailure("Activation", name, "derivative matches central differences",
          mismatches.size() + " of " + POINTS.length + " points disagree, first " + mismatches.get(0));
    }
  }
}
