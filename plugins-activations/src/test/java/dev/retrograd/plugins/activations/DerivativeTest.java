package dev.retrograd.plugins.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * derivative(x, apply(x)) against the central difference (f(x + ε) − f(x − ε))/2ε with
 * torch.autograd.gradcheck's settings for doubles: ε = 1e-6, pass when |analytic − numeric| ≤ 1e-5 +
 * 1e-3·|numeric|. Every plugin with its defaults, and some with other hyperparameters, at every
 * point of [−8, 8] in steps of 1/4, a few points between, and ±50, ±1000, except exact kinks.
 */
class DerivativeTest {

  private static final double EPS = 1e-6;
  private static final double ATOL = 1e-5;
  private static final double RTOL = 1e-3;

  /** An activation to check, the text of its hyperparameters, and the points where it has a kink. */
  private record Case(String name, String hyperparameters, double... kinks) {

    Activation activation() {
      return Catalogue.activation(name, hyperparameters);
    }

    boolean isKink(double x) {
      for (double kink : kinks) {
        if (x == kink) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return hyperparameters.isEmpty() ? name : name + "(" + hyperparameters + ")";
    }
  }

  private static final List<Case> CASES = List.of(
      new Case("identity", ""),
      new Case("relu", "", 0),
      new Case("leaky_relu", "", 0),
      new Case("leaky_relu", "negative_slope=-0.5", 0),
      new Case("elu", "", 0),
      new Case("elu", "alpha=0.5", 0),
      new Case("elu", "alpha=-1.5", 0),
      new Case("selu", "", 0),
      new Case("gelu", ""),
      new Case("gelu_tanh", ""),
      new Case("silu", ""),
      new Case("sigmoid", ""),
      new Case("tanh", ""),
      new Case("softplus", "", 20),
      new Case("softplus", "beta=2,threshold=5", 2.5),
      new Case("softplus", "threshold=1000"),
      new Case("softsign", ""),
      new Case("mish", "", 20),
      new Case("hardtanh", "", -1, 1),
      new Case("hardtanh", "min_val=-2,max_val=3", -2, 3),
      new Case("relu6", "", 0, 6));

  static double[] points() {
    List<Double> points = new ArrayList<>();
    for (int i = -32; i <= 32; i++) {
      points.add(i / 4.0);
    }
    points.addAll(List.of(-0.1, 0.1, -0.3, 0.3, -1e-3, 1e-3, -2.7, 5.9, 6.1, -50.0, 50.0, -1000.0, 1000.0));
    return points.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static Stream<Arguments> casesAndPoints() {
    double[] points = points();
    return CASES.stream().flatMap(c -> Arrays.stream(points).filter(x -> !c.isKink(x))
        .mapToObj(x -> Arguments.of(c, x)));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("casesAndPoints")
  void derivative_matches_the_central_difference(Case c, double x) {
    Activation f = c.activation();
    double analytic = f.derivative(x, f.apply(x));
    double numeric = (f.apply(x + EPS) - f.apply(x - EPS)) / (2 * EPS);

    assertThat(Math.abs(analytic - numeric))
        .as("%s at %s: analytic %s, numeric %s", c, x, analytic, numeric)
        .isLessThanOrEqualTo(ATOL + RTOL * Math.abs(numeric));
  }

  @Test
  void every_plugin_is_checked() {
    assertThat(CASES.stream().map(Case::name).distinct().sorted().toList())
        .isEqualTo(Catalogue.EXPECTED_NAMES);
  }
}
