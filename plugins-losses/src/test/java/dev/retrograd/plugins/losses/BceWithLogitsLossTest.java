package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Loss;
import org.junit.jupiter.api.Test;

/**
 * bce_with_logits against torch.nn.functional.binary_cross_entropy_with_logits:
 * (1 − t)·x − log σ(x), mean; gradient (σ(x) − t)/n. Reference numbers computed with Python's math
 * module using log σ(x) = min(x, 0) − log1p(e^−|x|), independently of the implementation's form.
 */
class BceWithLogitsLossTest {

  private final Loss loss = new BceWithLogitsLoss();

  @Test
  void value_matches_the_torch_formula() {
    assertThat(loss.value(new double[] {2.0, -1.0, 0.0}, new double[] {1, 0, 0.5}))
        .isCloseTo(0.3777789597070469, within(1e-15));
  }

  @Test
  void gradient_is_sigmoid_minus_target_over_n() {
    assertThat(GradientCheck.gradient(loss, new double[] {2.0, -1.0, 0.0}, new double[] {1, 0, 0.5}))
        .containsExactly(new double[] {-0.039734307340705856, 0.08964714045666504, 0.0},
            within(1e-15));
  }

  @Test
  void huge_logits_on_the_wrong_side_cost_their_magnitude_and_stay_finite() {
    // x = 1000, t = 0 → 1000; x = −1000, t = 1 → 1000
    assertThat(loss.value(new double[] {1000, -1000}, new double[] {0, 1})).isEqualTo(1000.0);
    assertThat(GradientCheck.gradient(loss, new double[] {1000, -1000}, new double[] {0, 1}))
        .containsExactly(0.5, -0.5);
  }

  @Test
  void huge_logits_on_the_right_side_cost_nothing() {
    assertThat(loss.value(new double[] {1000, -1000}, new double[] {1, 0})).isZero();
    assertThat(GradientCheck.gradient(loss, new double[] {1000, -1000}, new double[] {1, 0}))
        .containsExactly(new double[] {0, 0}, within(0.0));
  }

  @Test
  void agrees_with_binary_cross_entropy_of_the_sigmoid() {
    double[] x = {0.7, -2.2, 3.1};
    double[] t = {1, 0, 0.25};
    double[] p = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      p[i] = 1 / (1 + Math.exp(-x[i]));
    }
    assertThat(loss.value(x, t)).isCloseTo(new BinaryCrossEntropyLoss().value(p, t), within(1e-12));
  }
}
