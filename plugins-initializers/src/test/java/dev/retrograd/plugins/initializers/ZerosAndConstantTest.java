package dev.retrograd.plugins.initializers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ZerosAndConstantTest {

  /** A generator that fails on any draw: zeros and constant must not need one. */
  private static final RandomGenerator NO_DRAWS = () -> {
    throw new AssertionError("drew a random number");
  };

  private static double[] fill(String plugin, String hyperparameters, double previous) {
    var initializer = Kit.create(plugin.equals("zeros") ? new Zeros() : new Constant(), hyperparameters);
    double[] weights = new double[12];
    Arrays.fill(weights, previous);
    initializer.initialize(weights, 4, 3, NO_DRAWS);
    return weights;
  }

  @Test
  void zeros_overwrites_every_weight_with_exactly_zero_and_draws_nothing() {
    assertThat(fill("zeros", "", 7.5)).containsOnly(0.0).hasSize(12);
  }

  @Test
  void constant_defaults_to_zero() {
    assertThat(fill("constant", "", -3)).containsOnly(0.0).hasSize(12);
  }

  @Test
  void constant_sets_every_weight_to_the_value_exactly_and_draws_nothing() {
    assertThat(fill("constant", "value=-2.5", 1)).containsOnly(-2.5).hasSize(12);
  }

  @Test
  void constant_keeps_extreme_magnitudes_exactly() {
    assertThat(fill("constant", "value=1.7976931348623157E308", 0)).containsOnly(Double.MAX_VALUE);
    assertThat(fill("constant", "value=4.9E-324", 0)).containsOnly(Double.MIN_VALUE);
  }
}
