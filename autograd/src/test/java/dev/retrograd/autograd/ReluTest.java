package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.ReluRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Value.relu() follows ReluRule, PyTorch's rule, forward and backward. */
class ReluTest {

  @ParameterizedTest(name = "relu({0}) = {1} with gradient {2}")
  @CsvSource({
      "-1.0, 0.0, 0.0",
      " 0.0, 0.0, 0.0",
      " 2.0, 2.0, 1.0",
      " NaN, NaN, 1.0"})
  void relu_gives_torchs_value_and_gradient_at_minus_one_zero_two_and_nan(double at, Double y, Double gradient) {
    Value x = Value.of(at);
    Value out = x.relu();
    out.backward();

    // Boxed expectations: AssertJ compares them with equals, under which NaN equals NaN.
    assertThat(out.data()).isEqualTo(y).isEqualTo(Double.valueOf(ReluRule.apply(at)));
    assertThat(x.grad()).isEqualTo(gradient).isEqualTo(Double.valueOf(ReluRule.derivative(at)));
  }

  @Test
  void relu_of_nan_passes_the_incoming_gradient_unchanged() {
    Value x = Value.of(Double.NaN);
    x.relu().mul(-3.5).backward();

    assertThat(x.grad()).isEqualTo(-3.5);
  }

  @Test
  void relu_stops_even_an_infinite_gradient_at_and_below_zero_as_torch_threshold_backward_does() {
    Value atKink = Value.of(0.0);
    Value below = Value.of(-1.0);
    Value.sum(atKink.relu(), below.relu()).mul(Double.POSITIVE_INFINITY).backward();

    assertThat(atKink.grad()).isZero();
    assertThat(below.grad()).isZero();
  }

  @Test
  void relu_names_its_op_and_its_one_input() {
    Value x = Value.of(2.0);
    Value out = x.relu();

    assertThat(out.op()).isEqualTo("relu");
    assertThat(out.inputs()).containsExactly(x);
  }
}
