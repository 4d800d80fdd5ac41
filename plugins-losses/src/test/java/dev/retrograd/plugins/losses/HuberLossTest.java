package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.PluginException;
import org.junit.jupiter.api.Test;

/**
 * huber against torch.nn.functional.huber_loss: per element 0.5·d² if |d| &lt; delta else
 * delta·(|d| − 0.5·delta), mean; gradient (1/n)·clamp(d, −delta, delta).
 */
class HuberLossTest {

  private static final double[] P = {0.5, -1.25, 3.0, 2.0};
  private static final double[] T = {1.0, 0.75, -2.0, 1.0};  // d = [-0.5, -2, 5, 1]

  @Test
  void default_delta_is_one_quadratic_inside_and_linear_outside() {
    // 0.5·0.25 = 0.125; 1·(2 − 0.5) = 1.5; 1·(5 − 0.5) = 4.5; |d| = delta → 1·(1 − 0.5) = 0.5
    // (0.125 + 1.5 + 4.5 + 0.5) / 4 = 1.65625
    assertThat(new HuberLoss().value(P, T)).isCloseTo(1.65625, within(1e-12));
    assertThat(GradientCheck.gradient(new HuberLoss(), P, T))
        .containsExactly(new double[] {-0.125, -0.25, 0.25, 0.25}, within(1e-15));
  }

  @Test
  void just_inside_delta_it_is_quadratic_and_just_outside_linear() {
    // 0.5·0.99² = 0.49005; 1·(1.01 − 0.5) = 0.51
    assertThat(new HuberLoss().value(new double[] {0.99}, new double[] {0})).isCloseTo(0.49005, within(1e-15));
    assertThat(new HuberLoss().value(new double[] {-1.01}, new double[] {0})).isCloseTo(0.51, within(1e-15));
    assertThat(GradientCheck.gradient(new HuberLoss(), new double[] {0.99, -1.01}, new double[] {0, 0}))
        .containsExactly(new double[] {0.495, -0.5}, within(1e-15));
  }

  @Test
  void delta_two_moves_the_turning_point() {
    Loss huber = GradientCheck.create(new HuberLoss(), "delta=2");
    // 0.125; |d| = 2 = delta → 2·(2 − 1) = 2; 2·(5 − 1) = 8; 0.5·1 = 0.5 → 10.625 / 4
    assertThat(huber.value(P, T)).isCloseTo(2.65625, within(1e-12));
    assertThat(GradientCheck.gradient(huber, P, T))
        .containsExactly(new double[] {-0.125, -0.5, 0.5, 0.25}, within(1e-15));
  }

  @Test
  void both_branches_give_the_same_gradient_at_delta() {
    Loss huber = GradientCheck.create(new HuberLoss(), "delta=0.5");
    assertThat(GradientCheck.gradient(huber, new double[] {0.5, -0.5}, new double[] {0, 0}))
        .containsExactly(new double[] {0.25, -0.25}, within(0.0));
  }

  @Test
  void delta_must_be_positive_as_torch_requires() {
    assertThatThrownBy(() -> Hyperparameters.parse("delta=0").resolve(new HuberLoss()))
        .isInstanceOf(PluginException.class)
        .hasMessage("Loss 'huber' needs delta > 0, was 0; it accepts [delta=1.0 (> 0)].");
  }

  @Test
  void describes_itself_with_its_delta() {
    assertThat(GradientCheck.create(new HuberLoss(), "delta=2")).hasToString("huber(delta=2.0)");
  }
}
