package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Loss;
import org.junit.jupiter.api.Test;

/** nll against torch.nn.functional.nll_loss for one example: −x[k], generalised to −Σ t·x. */
class NllLossTest {

  private final Loss nll = new NllLoss();

  @Test
  void one_hot_target_gives_minus_the_log_probability_of_its_class() {
    assertThat(nll.value(new double[] {-0.5, -1.2, -2.3}, new double[] {0, 1, 0})).isEqualTo(1.2);
    assertThat(GradientCheck.gradient(nll, new double[] {-0.5, -1.2, -2.3}, new double[] {0, 1, 0}))
        .containsExactly(new double[] {0, -1, 0}, within(0.0));
  }

  @Test
  void probability_target_weights_each_class() {
    // 0.25·0.5 + 0.75·1.2 = 1.025
    assertThat(nll.value(new double[] {-0.5, -1.2}, new double[] {0.25, 0.75}))
        .isCloseTo(1.025, within(1e-15));
    assertThat(GradientCheck.gradient(nll, new double[] {-0.5, -1.2}, new double[] {0.25, 0.75}))
        .containsExactly(-0.25, -0.75);
  }

  @Test
  void a_class_with_zero_weight_adds_nothing_even_at_minus_infinity() {
    assertThat(nll.value(new double[] {Double.NEGATIVE_INFINITY, -0.1}, new double[] {0, 1}))
        .isEqualTo(0.1);
  }

  @Test
  void after_log_softmax_it_equals_cross_entropy() {
    double[] logits = {2.0, -1.0, 0.25};
    double logSum = Math.log(Math.exp(2.0) + Math.exp(-1.0) + Math.exp(0.25));
    double[] logProbabilities = {2.0 - logSum, -1.0 - logSum, 0.25 - logSum};
    double[] target = {0.2, 0.3, 0.5};
    assertThat(nll.value(logProbabilities, target))
        .isCloseTo(new CrossEntropyLoss().value(logits, target), within(1e-14));
  }
}
