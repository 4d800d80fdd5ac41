package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Loss;
import org.junit.jupiter.api.Test;

/** mse against torch.nn.functional.mse_loss: mean((p − t)²), gradient 2(p − t)/n. */
class MseLossTest {

  private final Loss mse = new MseLoss();

  @Test
  void value_is_the_mean_of_squared_differences() {
    // d = [-0.5, -2, 5]; (0.25 + 4 + 25) / 3 = 9.75
    assertThat(mse.value(new double[] {0.5, -1.25, 3.0}, new double[] {1.0, 0.75, -2.0}))
        .isCloseTo(9.75, within(1e-12));
  }

  @Test
  void gradient_is_twice_the_difference_over_n() {
    // 2·[-0.5, -2, 5] / 3
    assertThat(GradientCheck.gradient(mse, new double[] {0.5, -1.25, 3.0}, new double[] {1.0, 0.75, -2.0}))
        .containsExactly(new double[] {-1.0 / 3, -4.0 / 3, 10.0 / 3}, within(1e-12));
  }

  @Test
  void a_perfect_prediction_costs_nothing_and_has_zero_gradient() {
    double[] p = {1e6, -3.5};
    assertThat(mse.value(p, p)).isZero();
    assertThat(GradientCheck.gradient(mse, p, p)).containsExactly(new double[] {0, 0}, within(0.0));
  }

  @Test
  void large_magnitudes_stay_exact() {
    // d = 2e3 → 4e6
    assertThat(mse.value(new double[] {1000}, new double[] {-1000})).isEqualTo(4e6);
    assertThat(GradientCheck.gradient(mse, new double[] {1000}, new double[] {-1000}))
        .containsExactly(4000.0);
  }
}
