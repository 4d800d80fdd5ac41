package dev.retrograd.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PyTorch's ReLU: max(0, x), slope 0 at and below the kink, NaN kept and its gradient passed. */
class ReluRuleTest {

  @ParameterizedTest(name = "relu({0}) = {1}, relu''({0}) = {2}")
  @CsvSource({
      "-1.0, 0.0, 0.0",
      " 0.0, 0.0, 0.0",
      " 2.0, 2.0, 1.0",
      " NaN, NaN, 1.0"})
  void relu_and_its_derivative_are_torchs_at_minus_one_zero_two_and_nan(double x, Double y, Double slope) {
    // Double, not double: AssertJ compares boxed values with equals, under which NaN equals NaN.
    assertThat(ReluRule.apply(x)).isEqualTo(y);
    assertThat(ReluRule.derivative(x)).isEqualTo(slope);
    assertThat(ReluRule.passesGradient(x)).isEqualTo(slope == 1);
  }

  @Test
  void relu_of_nan_is_nan_and_its_gradient_passes_as_in_torch_threshold_backward() {
    assertThat(ReluRule.apply(Double.NaN)).isNaN();
    assertThat(ReluRule.passesGradient(Double.NaN)).isTrue();
  }

  @Test
  void relu_of_negative_zero_is_positive_zero_with_slope_zero() {
    assertThat(Double.doubleToRawLongBits(ReluRule.apply(-0.0))).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(ReluRule.derivative(-0.0)).isZero();
  }

  @Test
  void the_gradient_stops_at_the_kink_and_below_and_passes_just_above_it() {
    assertThat(ReluRule.passesGradient(0.0)).isFalse();
    assertThat(ReluRule.passesGradient(-Double.MIN_VALUE)).isFalse();
    assertThat(ReluRule.passesGradient(Double.MIN_VALUE)).isTrue();
    assertThat(ReluRule.passesGradient(Double.NEGATIVE_INFINITY)).isFalse();
    assertThat(ReluRule.passesGradient(Double.POSITIVE_INFINITY)).isTrue();
  }
}
