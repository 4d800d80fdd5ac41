package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Loss;
import org.junit.jupiter.api.Test;

/** l1 against torch.nn.functional.l1_loss: mean(|p − t|), gradient sgn(p − t)/n with sgn(0) = 0. */
class L1LossTest {

  private final Loss l1 = new L1Loss();

  @Test
  void value_is_the_mean_absolute_difference() {
    // |[-0.5, -2, 5]| → 7.5 / 3 = 2.5
    assertThat(l1.value(new double[] {0.5, -1.25, 3.0}, new double[] {1.0, 0.75, -2.0}))
        .isCloseTo(2.5, within(1e-12));
  }

  @Test
  void gradient_is_the_sign_of_the_difference_over_n() {
    assertThat(GradientCheck.gradient(l1, new double[] {0.5, -1.25, 3.0}, new double[] {1.0, 0.75, -2.0}))
        .containsExactly(new double[] {-1.0 / 3, -1.0 / 3, 1.0 / 3}, within(1e-15));
  }

  @Test
  void gradient_is_zero_where_prediction_equals_target() {
    // torch's abs backward uses sgn, and sgn(0) = 0
    assertThat(GradientCheck.gradient(l1, new double[] {1.0, 2.0}, new double[] {1.0, 3.0}))
        .containsExactly(new double[] {0.0, -0.5}, within(0.0));
  }
}
