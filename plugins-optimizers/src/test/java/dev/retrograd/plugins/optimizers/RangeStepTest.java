package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Parameters;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A step over ranges of elements on several threads is the one-thread step, bit for bit. */
class RangeStepTest {

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("adam", "weight_decay=0.01,amsgrad=true"),
        Arguments.of("adamw", ""),
        Arguments.of("sgd", "momentum=0.9,nesterov=true,weight_decay=0.001"),
        Arguments.of("lion", "weight_decay=0.1"),
        Arguments.of("rmsprop", "momentum=0.5,centered=true"),
        Arguments.of("adagrad", "lr_decay=0.01"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("optimizers")
  void ranges_on_three_threads_give_the_one_thread_numbers(String name, String hyperparameters) {
    ElementwiseOptimizer oneThread = create(name, hyperparameters);
    ElementwiseOptimizer ranges = create(name, hyperparameters);
    double[] theta = new SplittableRandom(7).doubles(1001, -2, 2).toArray();
    double[] thetaByRanges = theta.clone();
    double[] gradient = new double[theta.length];
    double[] gradientByRanges = new double[theta.length];

    for (int step = 0; step < 5; step++) {
      slope(theta, gradient);
      slope(thetaByRanges, gradientByRanges);
      oneThread.step(Parameters.of(theta, gradient));
      ranges.step(Parameters.of(thetaByRanges, gradientByRanges), pool, 3);
    }

    assertThat(ranges.updatesOnlyItsElement()).isTrue();
    assertThat(thetaByRanges).containsExactly(theta);
    assertThat(theta).isNotEqualTo(new SplittableRandom(7).doubles(1001, -2, 2).toArray());
    for (String buffer : oneThread.state().keySet()) {
      assertThat(ranges.state().get(buffer)).as(buffer).containsExactly(oneThread.state().get(buffer));
    }
  }

  @Test
  void a_rule_that_keeps_a_running_sum_steps_on_the_calling_thread_in_order() {
    SumSoFar rule = new SumSoFar();
    double[] theta = new double[500];
    double[] gradient = new double[500];
    java.util.Arrays.fill(gradient, 1);

    rule.step(Parameters.of(theta, gradient), pool, 4);

    // each element holds how many elements came before it, in index order, on one thread
    for (int i = 0; i < theta.length; i++) {
      assertThat(theta[i]).isEqualTo(i);
    }
  }

  /** A rule that reads a running sum across elements, so it must not be cut into ranges. */
  private static final class SumSoFar extends ElementwiseOptimizer {

    private double sum;
    private Thread thread;

    SumSoFar() {
      super(0.1);
    }

    @Override
    protected void beginStep() {
      sum = 0;
      thread = Thread.currentThread();
    }

    @Override
    protected void update(Element e) {
      assertThat(Thread.currentThread()).isSameAs(thread);
      e.set(sum);
      sum += e.gradient();
    }
  }

  /** Sets the gradient of f(θ) = Σ (θ_i − i/1000)² · (1 + i mod 3) at θ. */
  private static void slope(double[] theta, double[] gradient) {
    for (int i = 0; i < theta.length; i++) {
      gradient[i] = 2 * (theta[i] - i / 1000.0) * (1 + i % 3);
    }
  }

  private static ElementwiseOptimizer create(String name, String hyperparameters) {
    return (ElementwiseOptimizer) Quadratic.optimizer(name, hyperparameters);
  }

}
