package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.PluginException;
import org.junit.jupiter.api.Test;

/**
 * smooth_l1 against torch.nn.functional.smooth_l1_loss: per element 0.5·d²/beta if |d| &lt; beta
 * else |d| − 0.5·beta, mean; beta = 0 is l1_loss.
 */
class SmoothL1LossTest {

  private static final double[] P = {0.5, -1.25, 3.0, 2.0};
  private static final double[] T = {1.0, 0.75, -2.0, 1.0};  // d = [-0.5, -2, 5, 1]

  @Test
  void default_beta_is_one_and_equals_huber_with_delta_one() {
    // 0.125 + 1.5 + 4.5 + 0.5 = 6.625 → 1.65625
    assertThat(new SmoothL1Loss().value(P, T)).isCloseTo(1.65625, within(1e-12));
    assertThat(GradientCheck.gradient(new SmoothL1Loss(), P, T))
        .containsExactly(new double[] {-0.125, -0.25, 0.25, 0.25}, within(1e-15));
  }

  @Test
  void beta_one_half_has_slope_one_beyond_beta() {
    Loss smooth = GradientCheck.create(new SmoothL1Loss(), "beta=0.5");
    // |d| = 0.5 = beta → 0.5 − 0.25 = 0.25; 2 − 0.25 = 1.75; 5 − 0.25 = 4.75; 1 − 0.25 = 0.75
    // 7.5 / 4 = 1.875
    assertThat(smooth.value(P, T)).isCloseTo(1.875, within(1e-12));
    assertThat(GradientCheck.gradient(smooth, P, T))
        .containsExactly(new double[] {-0.25, -0.25, 0.25, 0.25}, within(1e-15));
  }

  @Test
  void inside_beta_it_is_quadratic_divided_by_beta() {
    Loss smooth = GradientCheck.create(new SmoothL1Loss(), "beta=2");
    // d = 1: 0.5·1/2 = 0.25; gradient d/beta = 0.5
    assertThat(smooth.value(new double[] {1}, new double[] {0})).isCloseTo(0.25, within(1e-15));
    assertThat(GradientCheck.gradient(smooth, new double[] {1}, new double[] {0}))
        .containsExactly(new double[] {0.5}, within(1e-15));
  }

  @Test
  void just_inside_beta_it_is_quadratic_and_just_outside_linear() {
    Loss smooth = GradientCheck.create(new SmoothL1Loss(), "beta=2");
    // 0.5·1.98² / 2 = 0.9801; 2.02 − 1 = 1.02
    assertThat(smooth.value(new double[] {1.98}, new double[] {0})).isCloseTo(0.9801, within(1e-15));
    assertThat(smooth.value(new double[] {-2.02}, new double[] {0})).isCloseTo(1.02, within(1e-15));
    assertThat(GradientCheck.gradient(smooth, new double[] {1.98, -2.02}, new double[] {0, 0}))
        .containsExactly(new double[] {0.495, -0.5}, within(1e-15));
  }

  @Test
  void is_huber_divided_by_beta() {
    double[] p = {0.3, -4.0, 1.7};
    double[] t = {-0.2, 1.0, 1.1};
    Loss smooth = GradientCheck.create(new SmoothL1Loss(), "beta=1.5");
    Loss huber = GradientCheck.create(new HuberLoss(), "delta=1.5");
    assertThat(smooth.value(p, t)).isCloseTo(huber.value(p, t) / 1.5, within(1e-12));
  }

  @Test
  void beta_zero_is_l1_with_zero_gradient_at_zero_difference() {
    Loss smooth = GradientCheck.create(new SmoothL1Loss(), "beta=0");
    // |d| = [0.5, 2, 5, 1] → 8.5 / 4 = 2.125
    assertThat(smooth.value(P, T)).isCloseTo(2.125, within(1e-12));
    assertThat(GradientCheck.gradient(smooth, P, T))
        .containsExactly(new double[] {-0.25, -0.25, 0.25, 0.25}, within(1e-15));
    assertThat(smooth.value(new double[] {1, 2}, new double[] {1, 2})).isZero();
    assertThat(GradientCheck.gradient(smooth, new double[] {1, 2}, new double[] {1, 3}))
        .containsExactly(new double[] {0, -0.5}, within(0.0));
  }

  @Test
  void beta_must_not_be_negative_as_torch_requires() {
    assertThatThrownBy(() -> Hyperparameters.parse("beta=-1").resolve(new SmoothL1Loss()))
        .isInstanceOf(PluginException.class)
        .hasMessage("Loss 'smooth_l1' needs beta >= 0, was -1; it accepts [beta=1.0 (>= 0)].");
  }
}
