package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import org.junit.jupiter.api.Test;

class GradCheckTest {

  /** tanh with a derivative that is wrong by a factor of 2. */
  private static final Activation BROKEN_TANH = new Activation() {
    @Override
    public double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
      return 2 * (1 - y * y);
    }

    @Override
    public String toString() {
      return "broken_tanh";
    }
  };

  @Test
  void defaults_match_torch_gradcheck_for_doubles() {
    GradCheck check = GradCheck.defaults();
    assertThat(check.eps()).isEqualTo(1e-6);
    assertThat(check.atol()).isEqualTo(1e-5);
    assertThat(check.rtol()).isEqualTo(1e-3);
  }

  @Test
  void a_correct_expression_passes() {
    GradCheck.defaults().check(x -> x[0].mul(x[1]).tanh(), 0.5, -1.5);
  }

  @Test
  void a_wrong_activation_derivative_is_reported_with_input_and_both_numbers() {
    assertThatThrownBy(() -> GradCheck.defaults().check(BROKEN_TANH, 0.0))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Gradient check failed for activation broken_tanh (eps 1.0E-6, atol 1.0E-5, rtol 0.001):\n"
            + "  x = 0.0: analytic 2.0, numeric 0.99999999999")
        .hasMessageContaining("|error| 1.0000000000");
  }

  @Test
  void an_expression_using_a_wrong_derivative_names_the_failing_input() {
    Expression f = x -> x[0].add(x[1].apply(BROKEN_TANH));

    assertThat(GradCheck.defaults().compare(f, 0.3, 0.0))
        .singleElement()
        .satisfies(mismatch -> {
          assertThat(mismatch.input()).isEqualTo("x1");
          assertThat(mismatch.index()).isEqualTo(1);
          assertThat(mismatch.analytic()).isEqualTo(2.0);
          assertThat(mismatch.numeric()).isCloseTo(1.0, within(1e-9));
        });
  }

  @Test
  void nan_gradients_never_pass() {
    assertThat(GradCheck.defaults().compare(x -> x[0].log(), -1.0)).hasSize(1);
  }

  @Test
  void central_difference_of_a_cube_is_exact_to_eps_squared() {
    assertThat(GradCheck.defaults().centralDifference(x -> x * x * x, 2.0)).isCloseTo(12.0, within(1e-8));
  }

  @Test
  void settings_must_be_positive() {
    assertThatThrownBy(() -> new GradCheck(0, 1e-5, 1e-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eps must be > 0 and finite, was 0.0");
  }
}
