package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Loss;
import org.junit.jupiter.api.Test;

/**
 * binary_cross_entropy against torch's binary_cross_entropy_out_cpu,
 * (t − 1)·max(log1p(−p), −100) − t·max(log p, −100), mean; and its backward,
 * (p − t) / max((1 − p)·p, 1e-12) / n. Reference numbers computed with Python's math module from
 * those formulas.
 */
class BinaryCrossEntropyLossTest {

  private final Loss bce = new BinaryCrossEntropyLoss();

  @Test
  void value_matches_the_torch_formula() {
    // -(log 0.9 + log 0.8 + 0.3·log 0.6 + 0.7·log 0.4) / 3
    assertThat(bce.value(new double[] {0.9, 0.2, 0.6}, new double[] {1, 0, 0.3}))
        .isCloseTo(0.3743850888045806, within(1e-15));
  }

  @Test
  void gradient_matches_the_torch_backward() {
    // (p − t) / ((1 − p)·p) / 3
    assertThat(GradientCheck.gradient(bce, new double[] {0.9, 0.2, 0.6}, new double[] {1, 0, 0.3}))
        .containsExactly(new double[] {-0.3703703703703704, 0.4166666666666666, 0.4166666666666667},
            within(1e-15));
  }

  @Test
  void a_certain_wrong_answer_costs_100_per_element_because_logs_are_clamped() {
    assertThat(bce.value(new double[] {0, 1}, new double[] {1, 0})).isEqualTo(100.0);
    assertThat(bce.value(new double[] {0}, new double[] {1})).isEqualTo(100.0);
    assertThat(bce.value(new double[] {1}, new double[] {0})).isEqualTo(100.0);
  }

  @Test
  void a_certain_right_answer_costs_nothing() {
    assertThat(bce.value(new double[] {0, 1}, new double[] {0, 1})).isZero();
    assertThat(GradientCheck.gradient(bce, new double[] {0, 1}, new double[] {0, 1}))
        .containsExactly(new double[] {0, 0}, within(0.0));
  }

  @Test
  void gradient_at_zero_and_one_divides_by_the_1e_12_floor() {
    // (0 − 1) / 1e-12 / 3, (1 − 0) / 1e-12 / 3, (0 − 0) / 1e-12 / 3
    assertThat(GradientCheck.gradient(bce, new double[] {0, 1, 0}, new double[] {1, 0, 0}))
        .containsExactly(new double[] {-1e12 / 3, 1e12 / 3, 0}, within(1e-3));
  }

  @Test
  void a_prediction_outside_zero_to_one_is_rejected_with_its_value() {
    assertThatThrownBy(() -> bce.value(new double[] {0.5, 1.5}, new double[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("binary_cross_entropy: prediction[1] is 1.5 but must lie in [0, 1];"
            + " binary_cross_entropy takes probabilities: apply sigmoid first, or use"
            + " bce_with_logits on the logits.");
    assertThatThrownBy(() -> bce.gradient(new double[] {-0.1}, new double[] {1}, new double[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("binary_cross_entropy: prediction[0] is -0.1 but must lie in [0, 1];");
    assertThatThrownBy(() -> bce.value(new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("binary_cross_entropy: prediction[0] is NaN but must lie in [0, 1];");
  }

  @Test
  void a_target_outside_zero_to_one_is_rejected_with_its_value() {
    assertThatThrownBy(() -> bce.value(new double[] {0.5, 0.5}, new double[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("binary_cross_entropy: target[1] is -1.0 but must lie in [0, 1];"
            + " a target is the probability of class 1.");
  }
}
