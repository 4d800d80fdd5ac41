package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.PluginException;
import org.junit.jupiter.api.Test;

/** hinge against micrograd's demo loss: mean(relu(margin − y·p)); gradient −y/n where active. */
class HingeLossTest {

  private static final double[] P = {0.5, -2.0, 1.5, -0.3};
  private static final double[] Y = {1, -1, -1, 1};  // margin − y·p = [0.5, −1, 2.5, 1.3]

  @Test
  void value_is_the_mean_of_the_positive_margins() {
    // (0.5 + 0 + 2.5 + 1.3) / 4 = 1.075
    assertThat(new HingeLoss().value(P, Y)).isCloseTo(1.075, within(1e-15));
  }

  @Test
  void gradient_is_minus_the_label_over_n_where_the_margin_is_violated() {
    assertThat(GradientCheck.gradient(new HingeLoss(), P, Y))
        .containsExactly(new double[] {-0.25, 0, 0.25, -0.25}, within(0.0));
  }

  @Test
  void a_score_exactly_on_the_margin_costs_nothing_and_has_zero_gradient() {
    // relu'(0) = 0, as micrograd
    assertThat(new HingeLoss().value(new double[] {1, -1}, new double[] {1, -1})).isZero();
    assertThat(GradientCheck.gradient(new HingeLoss(), new double[] {1, -1}, new double[] {1, -1}))
        .containsExactly(new double[] {0, 0}, within(0.0));
  }

  @Test
  void margin_two_widens_the_band() {
    Loss hinge = GradientCheck.create(new HingeLoss(), "margin=2");
    // [1.5, 0, 3.5, 2.3] → 7.3 / 4 = 1.825
    assertThat(hinge.value(P, Y)).isCloseTo(1.825, within(1e-15));
  }

  @Test
  void a_target_other_than_minus_one_or_one_is_rejected() {
    assertThatThrownBy(() -> new HingeLoss().value(new double[] {0.5, 0.5}, new double[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hinge: target[1] is 0.0 but must be -1 or +1; label the two classes -1 and +1.");
    assertThatThrownBy(() -> new HingeLoss().gradient(new double[] {0.5}, new double[] {0.5}, new double[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("hinge: target[0] is 0.5 but must be -1 or +1;");
  }

  @Test
  void margin_must_not_be_negative() {
    assertThatThrownBy(() -> Hyperparameters.parse("margin=-0.5").resolve(new HingeLoss()))
        .isInstanceOf(PluginException.class)
        .hasMessage("Loss 'hinge' needs margin >= 0, was -0.5; it accepts [margin=1.0 (>= 0)].");
  }
}
