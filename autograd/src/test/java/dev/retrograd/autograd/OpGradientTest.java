package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.autograd.internal.Nodes;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every op's analytic gradient against central differences, at several points of its domain. */
class OpGradientTest {

  private record Op(String name, Expression f, List<double[]> points) {}

  private static final double[] ANY = {-3.0, -0.7, 0.4, 2.5};
  private static final double[] POSITIVE = {0.2, 1.0, 3.7};
  private static final double[] AWAY_FROM_ZERO = {-2.5, -0.3, 0.3, 1.9};

  private static List<double[]> singles(double... xs) {
    return Arrays.stream(xs).mapToObj(x -> new double[] {x}).toList();
  }

  private static final List<double[]> PAIRS =
      List.of(new double[] {-2.0, 0.5}, new double[] {1.5, -3.0}, new double[] {0.3, 0.8}, new double[] {-1.2, -0.4});

  private static final List<Op> OPS = List.of(
      new Op("add", x -> x[0].add(x[1]), PAIRS),
      new Op("add(double)", x -> x[0].add(2.5), singles(ANY)),
      new Op("sub", x -> x[0].sub(x[1]), PAIRS),
      new Op("sub(double)", x -> x[0].sub(-1.5), singles(ANY)),
      new Op("mul", x -> x[0].mul(x[1]), PAIRS),
      new Op("mul(double)", x -> x[0].mul(-3.0), singles(ANY)),
      new Op("div", x -> x[0].div(x[1]), PAIRS),
      new Op("div(double)", x -> x[0].div(0.7), singles(ANY)),
      new Op("neg", x -> x[0].neg(), singles(ANY)),
      new Op("pow(3)", x -> x[0].pow(3), singles(ANY)),
      new Op("pow(-2)", x -> x[0].pow(-2), singles(AWAY_FROM_ZERO)),
      new Op("pow(0.5)", x -> x[0].pow(0.5), singles(POSITIVE)),
      new Op("pow(Value)", x -> x[0].pow(x[1]),
          List.of(new double[] {0.5, 2.0}, new double[] {2.0, -1.5}, new double[] {3.0, 0.3})),
      new Op("exp", x -> x[0].exp(), singles(ANY)),
      new Op("log", x -> x[0].log(), singles(POSITIVE)),
      new Op("sqrt", x -> x[0].sqrt(), singles(POSITIVE)),
      new Op("tanh", x -> x[0].tanh(), singles(ANY)),
      new Op("sigmoid", x -> x[0].sigmoid(), singles(ANY)),
      new Op("relu", x -> x[0].relu(), singles(AWAY_FROM_ZERO)),
      new Op("abs", x -> x[0].abs(), singles(AWAY_FROM_ZERO)),
      new Op("apply(softplus)", x -> x[0].apply(TestFunctions.SOFTPLUS), singles(ANY)),
      new Op("sum", x -> Value.sum(x[0], x[1], x[0]).mul(x[1]), PAIRS),
      new Op("dot", x -> Value.dot(new Value[] {x[0], x[1]}, new Value[] {x[1], x[1]}), PAIRS),
      new Op("neuron(softplus)", x -> Nodes.neuron(new Value[] {x[0], x[1]}, new Value[] {x[1], x[0].exp()}, x[0],
          TestFunctions.SOFTPLUS), PAIRS),
      new Op("neuron(linear)", x -> Nodes.neuron(new Value[] {x[0]}, new Value[] {x[1]}, null, null), PAIRS),
      new Op("dot with bias", x -> Value.dot(new Value[] {x[0]}, new Value[] {x[1]}, x[0]).tanh(), PAIRS),
      new Op("composite", x -> x[0].mul(x[1]).add(x[0].exp()).sigmoid().pow(2).div(x[1].abs().add(1)), PAIRS));

  static Stream<Arguments> opsAtPoints() {
    return OPS.stream().flatMap(op -> op.points().stream()
        .map(point -> Arguments.of(op.name() + " at " + Arrays.toString(point), op.f(), point)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opsAtPoints")
  void analytic_gradient_matches_central_differences(String name, Expression f, double[] point) {
    assertThat(GradCheck.defaults().compare(f, point)).isEmpty();
  }
}
