package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss's analytic gradient against central differences at random points of its domain
 * (seeded, so reproducible), small and large magnitudes, away from the kinks where a one-sided
 * derivative is all that exists.
 */
class LossGradientTest {

  private static final int POINTS = 6;

  /** Draws a (prediction, target) pair. */
  private interface Domain {
    double[][] draw(Random random);
  }

  private record Case(LossPlugin plugin, String hyperparameters, String domain, Domain draw,
      BiPredicate<double[], double[]> smooth) {}

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  private static double[] uniform(Random random, int n, double low, double high) {
    return IntStream.range(0, n).mapToDouble(i -> uniform(random, low, high)).toArray();
  }

  /** Returns n values of magnitude in [low, high] with random signs. */
  private static double[] signed(Random random, int n, double low, double high) {
    return IntStream.range(0, n)
        .mapToDouble(i -> (random.nextBoolean() ? 1 : -1) * uniform(random, low, high)).toArray();
  }

  private static double[] probabilities(Random random, int n) {
    double[] t = uniform(random, n, 0, 1);
    double sum = Arrays.stream(t).sum();
    return Arrays.stream(t).map(x -> x / sum).toArray();
  }

  private static double[] oneHot(Random random, int n) {
    double[] t = new double[n];
    t[random.nextInt(n)] = 1;
    return t;
  }

  private static double[] labels(Random random, int n) {
    return IntStream.range(0, n).mapToDouble(i -> random.nextBoolean() ? 1 : -1).toArray();
  }

  private static Domain regression(double scale) {
    return random -> {
      int n = 1 + random.nextInt(4);
      return new double[][] {uniform(random, n, -scale, scale), uniform(random, n, -scale, scale)};
    };
  }

  /** Smooth where no |p_i − t_i| lies within 1e-3 of any of {@code kinks}. */
  private static BiPredicate<double[], double[]> awayFrom(double... kinks) {
    return (p, t) -> IntStream.range(0, p.length).allMatch(i ->
        Arrays.stream(kinks).allMatch(k -> Math.abs(Math.abs(p[i] - t[i]) - k) > 1e-3));
  }

  private static final BiPredicate<double[], double[]> EVERYWHERE = (p, t) -> true;

  private static Stream<Case> cases() {
    Domain probabilitiesAndSoftTargets = random -> {
      int n = 1 + random.nextInt(4);
      return new double[][] {uniform(random, n, 0.001, 0.999), uniform(random, n, 0, 1)};
    };
    Domain probabilitiesAndHardTargets = random -> {
      int n = 1 + random.nextInt(4);
      return new double[][] {uniform(random, n, 0.01, 0.99),
          IntStream.range(0, n).mapToDouble(i -> random.nextInt(2)).toArray()};
    };
    Domain logits = random -> {
      int n = 1 + random.nextInt(4);
      return new double[][] {uniform(random, n, -20, 20), uniform(random, n, 0, 1)};
    };
    Domain largeLogits = random -> {
      int n = 1 + random.nextInt(4);
      return new double[][] {signed(random, n, 100, 1000), uniform(random, n, 0, 1)};
    };
    Domain classLogits = random -> {
      int n = 2 + random.nextInt(4);
      return new double[][] {uniform(random, n, -5, 5), probabilities(random, n)};
    };
    Domain classLogitsOneHot = random -> {
      int n = 2 + random.nextInt(4);
      return new double[][] {uniform(random, n, -5, 5), oneHot(random, n)};
    };
    Domain largeClassLogits = random -> {
      int n = 2 + random.nextInt(4);
      return new double[][] {signed(random, n, 100, 1000), oneHot(random, n)};
    };
    Domain unnormalizedTargets = random -> {
      int n = 2 + random.nextInt(4);
      return new double[][] {uniform(random, n, -5, 5), uniform(random, n, 0, 2)};
    };
    Domain logProbabilities = random -> {
      int n = 2 + random.nextInt(4);
      return new double[][] {uniform(random, n, -10, 0), probabilities(random, n)};
    };
    Domain scores = random -> {
      int n = 1 + random.nextInt(4);
      return new double[][] {uniform(random, n, -3, 3), labels(random, n)};
    };
    Domain largeScores = random -> {
      int n = 1 + random.nextInt(4);
      return new double[][] {signed(random, n, 100, 1000), labels(random, n)};
    };
    return Stream.of(
        new Case(new MseLoss(), "", "small", regression(3), EVERYWHERE),
        new Case(new MseLoss(), "", "large", regression(1000), EVERYWHERE),
        new Case(new L1Loss(), "", "small", regression(3), awayFrom(0)),
        new Case(new L1Loss(), "", "large", regression(1000), awayFrom(0)),
        new Case(new HuberLoss(), "", "small", regression(3), awayFrom(1)),
        new Case(new HuberLoss(), "delta=0.3", "small", regression(3), awayFrom(0.3)),
        new Case(new HuberLoss(), "", "large", regression(1000), awayFrom(1)),
        new Case(new SmoothL1Loss(), "", "small", regression(3), awayFrom(1)),
        new Case(new SmoothL1Loss(), "beta=0.3", "small", regression(3), awayFrom(0.3)),
        new Case(new SmoothL1Loss(), "beta=0", "small", regression(3), awayFrom(0)),
        new Case(new SmoothL1Loss(), "", "large", regression(1000), awayFrom(1)),
        new Case(new BinaryCrossEntropyLoss(), "", "soft targets", probabilitiesAndSoftTargets, EVERYWHERE),
        new Case(new BinaryCrossEntropyLoss(), "", "hard targets", probabilitiesAndHardTargets, EVERYWHERE),
        new Case(new BceWithLogitsLoss(), "", "small", logits, EVERYWHERE),
        new Case(new BceWithLogitsLoss(), "", "large", largeLogits, EVERYWHERE),
        new Case(new CrossEntropyLoss(), "", "probability targets", classLogits, EVERYWHERE),
        new Case(new CrossEntropyLoss(), "", "one-hot targets", classLogitsOneHot, EVERYWHERE),
        new Case(new CrossEntropyLoss(), "", "large", largeClassLogits, EVERYWHERE),
        new Case(new CrossEntropyLoss(), "", "unnormalized targets", unnormalizedTargets, EVERYWHERE),
        new Case(new CrossEntropyLoss(), "label_smoothing=0.2", "one-hot targets", classLogitsOneHot,
            EVERYWHERE),
        new Case(new CrossEntropyLoss(), "label_smoothing=0.2", "unnormalized targets",
            unnormalizedTargets, EVERYWHERE),
        new Case(new NllLoss(), "", "probability targets", logProbabilities, EVERYWHERE),
        new Case(new HingeLoss(), "", "small", scores, awayFromMargin(1)),
        new Case(new HingeLoss(), "margin=0.5", "small", scores, awayFromMargin(0.5)),
        new Case(new HingeLoss(), "", "large", largeScores, awayFromMargin(1)));
  }

  /** Smooth where no margin − y·p lies within 1e-3 of 0. */
  private static BiPredicate<double[], double[]> awayFromMargin(double margin) {
    return (p, t) -> IntStream.range(0, p.length).allMatch(i -> Math.abs(margin - t[i] * p[i]) > 1e-3);
  }

  static Stream<Arguments> randomPoints() {
    return cases().flatMap(c -> {
      Random random = new Random(Objects.hash(c.plugin().name(), c.hyperparameters(), c.domain()));
      Loss loss = GradientCheck.create(c.plugin(), c.hyperparameters());
      return Stream.generate(() -> c.draw().draw(random))
          .filter(point -> c.smooth().test(point[0], point[1]))
          .limit(POINTS)
          .map(point -> Arguments.of(loss + " " + c.domain() + " p=" + Arrays.toString(point[0])
              + " t=" + Arrays.toString(point[1]), loss, point[0], point[1]));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("randomPoints")
  void analytic_gradient_matches_central_differences(String name, Loss loss, double[] prediction,
      double[] target) {
    assertThat(GradientCheck.mismatches(loss, prediction, target)).isEmpty();
  }
}
