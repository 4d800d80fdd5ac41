package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.PluginException;
import org.junit.jupiter.api.Test;

/**
 * cross_entropy against torch's cross_entropy_loss_prob_target for a batch of one:
 * −Σ t'·log_softmax(x) with t' = (1 − ε)·t + ε/C; gradient softmax(x)·Σt' − t'. Reference numbers
 * computed with numpy from those formulas.
 */
class CrossEntropyLossTest {

  private static final double[] LOGITS = {2.0, -1.0, 0.25};

  private final Loss crossEntropy = new CrossEntropyLoss();

  @Test
  void one_hot_target_gives_minus_the_log_softmax_of_its_class() {
    assertThat(crossEntropy.value(LOGITS, new double[] {0, 0, 1}))
        .isCloseTo(1.9517654692844328, within(1e-14));
    assertThat(GradientCheck.gradient(crossEntropy, LOGITS, new double[] {0, 0, 1}))
        .containsExactly(new double[] {0.817286584274143, 0.040690303047394745, -0.8579768873215377},
            within(1e-14));
  }

  @Test
  void probability_target_weights_each_class() {
    assertThat(crossEntropy.value(LOGITS, new double[] {0.2, 0.3, 0.5}))
        .isCloseTo(1.976765469284433, within(1e-14));
    assertThat(GradientCheck.gradient(crossEntropy, LOGITS, new double[] {0.2, 0.3, 0.5}))
        .containsExactly(new double[] {0.6172865842741431, -0.25930969695260525, -0.3579768873215376},
            within(1e-14));
  }

  @Test
  void label_smoothing_mixes_the_target_with_the_uniform_distribution() {
    Loss smoothed = GradientCheck.create(new CrossEntropyLoss(), "label_smoothing=0.1");
    // t' = 0.9·[0, 0, 1] + 0.1/3
    assertThat(smoothed.value(LOGITS, new double[] {0, 0, 1}))
        .isCloseTo(1.9350988026177662, within(1e-14));
    assertThat(GradientCheck.gradient(smoothed, LOGITS, new double[] {0, 0, 1}))
        .containsExactly(new double[] {0.7839532509408097, 0.007356969714061412, -0.791310220654871},
            within(1e-14));
  }

  @Test
  void label_smoothing_applies_to_probability_targets_too() {
    Loss smoothed = GradientCheck.create(new CrossEntropyLoss(), "label_smoothing=0.25");
    assertThat(smoothed.value(LOGITS, new double[] {0.2, 0.3, 0.5}))
        .isCloseTo(1.9288488026177661, within(1e-14));
  }

  @Test
  void full_label_smoothing_ignores_the_target() {
    Loss uniform = GradientCheck.create(new CrossEntropyLoss(), "label_smoothing=1");
    assertThat(uniform.value(LOGITS, new double[] {0, 0, 1}))
        .isCloseTo(1.785098802617766, within(1e-14))
        .isCloseTo(uniform.value(LOGITS, new double[] {1, 0, 0}), within(1e-14));
  }

  @Test
  void gradient_uses_the_target_sum_for_unnormalized_targets() {
    // Σt = 0.7: gradient softmax(x)·0.7 − t
    assertThat(crossEntropy.value(new double[] {0.3, -0.4}, new double[] {0.5, 0.2}))
        .isCloseTo(0.42223023421982053, within(1e-14));
    assertThat(GradientCheck.gradient(crossEntropy, new double[] {0.3, -0.4}, new double[] {0.5, 0.2}))
        .containsExactly(new double[] {-0.03226855948228374, 0.03226855948228369}, within(1e-14));
  }

  @Test
  void logits_of_plus_and_minus_1000_stay_finite() {
    // log_softmax = [0, −2000]; the loss is 2000 and softmax = [1, 0]
    assertThat(crossEntropy.value(new double[] {1000, -1000}, new double[] {0, 1})).isEqualTo(2000.0);
    assertThat(GradientCheck.gradient(crossEntropy, new double[] {1000, -1000}, new double[] {0, 1}))
        .containsExactly(1.0, -1.0);
    assertThat(crossEntropy.value(new double[] {1000, -1000}, new double[] {1, 0})).isZero();
    assertThat(crossEntropy.value(new double[] {1000, 1000}, new double[] {1, 0}))
        .isCloseTo(Math.log(2), within(1e-15));
  }

  @Test
  void a_class_with_zero_weight_adds_nothing_even_at_minus_infinity() {
    // as torch's class-index target, which reads only the target's entry
    assertThat(crossEntropy.value(new double[] {Double.NEGATIVE_INFINITY, 0.0}, new double[] {0, 1}))
        .isZero();
  }

  @Test
  void label_smoothing_must_lie_in_zero_to_one_as_torch_requires() {
    assertThatThrownBy(() -> Hyperparameters.parse("label_smoothing=1.5").resolve(new CrossEntropyLoss()))
        .isInstanceOf(PluginException.class)
        .hasMessage("Loss 'cross_entropy' needs label_smoothing in [0, 1], was 1.5;"
            + " it accepts [label_smoothing=0.0 (in [0, 1])].");
  }
}
