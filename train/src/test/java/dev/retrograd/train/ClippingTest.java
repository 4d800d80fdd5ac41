package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClippingTest {

  @Test
  void norm_clipping_scales_by_max_norm_over_total_plus_1e_minus_6_as_torch() {
    double[] gradients = {3, 4, -0.0};
    double total = Clipping.byNorm(1.0).clip(gradients);
    assertThat(total).isEqualTo(5.0);
    // coef = 1 / (5 + 1e-6)
    assertThat(gradients).containsExactly(0.599999880000024, 0.799999840000032, -0.0);
  }

  @Test
  void norm_clipping_of_three_gradients_matches_hand_computation() {
    double[] gradients = {0.3, -0.4, 1.2};
    double total = Clipping.byNorm(0.5).clip(gradients);
    assertThat(total).isEqualTo(1.3);
    assertThat(gradients).containsExactly(0.11538452662728721, -0.15384603550304965, 0.46153810650914884);
  }

  @Test
  void norm_clipping_leaves_gradients_below_the_limit_alone() {
    double[] gradients = {3, 4};
    assertThat(Clipping.byNorm(10).clip(gradients)).isEqualTo(5.0);
    assertThat(gradients).containsExactly(3, 4);
  }

  @Test
  void value_clipping_clamps_each_gradient_as_torch_clip_grad_value() {
    double[] gradients = {3, -4, 0.2, -0.5};
    double total = Clipping.byValue(0.5).clip(gradients);
    assertThat(total).isEqualTo(Math.sqrt(9 + 16 + 0.04000000000000001 + 0.25));
    assertThat(gradients).containsExactly(0.5, -0.5, 0.2, -0.5);
  }

  @Test
  void no_clipping_reports_the_norm_and_changes_nothing() {
    double[] gradients = {-3, 4};
    assertThat(Clipping.none().clip(gradients)).isEqualTo(5.0);
    assertThat(gradients).containsExactly(-3, 4);
  }

  @Test
  void limits_must_be_positive() {
    assertThatThrownBy(() -> Clipping.byNorm(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Clipping 'norm' needs max_norm > 0, was 0.0; it accepts [max_norm (required, > 0)].");
    assertThatThrownBy(() -> Clipping.byValue(-1))
        .hasMessage("Clipping 'value' needs clip_value > 0, was -1.0; it accepts [clip_value (required, > 0)].");
    assertThatThrownBy(() -> Clipping.byNorm(Double.NaN))
        .hasMessage("Clipping 'norm' needs max_norm to be a finite number, was 'NaN'; it accepts"
            + " [max_norm (required, > 0)].");
  }

  @Test
  void text_form_names_its_parameter_and_reads_back() {
    assertThat(Clipping.none()).hasToString("none");
    assertThat(Clipping.byNorm(1)).hasToString("norm:max_norm=1.0");
    assertThat(Clipping.byValue(0.25)).hasToString("value:clip_value=0.25");
    assertThat(Clipping.parse("none")).isEqualTo(Clipping.none());
    assertThat(Clipping.parse("norm:max_norm=1.0")).isEqualTo(Clipping.byNorm(1));
    assertThat(Clipping.parse(Clipping.byValue(0.25).toString())).isEqualTo(Clipping.byValue(0.25));
  }

  @Test
  void the_limit_may_stand_alone_as_in_checkpoints_written_before_it_was_named() {
    assertThat(Clipping.parse("norm:1.0")).isEqualTo(Clipping.byNorm(1));
    assertThat(Clipping.parse("value:0.5")).isEqualTo(Clipping.byValue(0.5));
  }

  @Test
  void text_that_is_not_a_clipping_says_what_is_accepted() {
    assertThatThrownBy(() -> Clipping.parse("max:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown clipping 'max:1'; accepted: none, norm:max_norm=X, value:clip_value=X.");
    assertThatThrownBy(() -> Clipping.parse("norm:x"))
        .hasMessage("Clipping 'norm' needs max_norm to be a number, was 'x'; it accepts [max_norm (required, > 0)].");
    assertThatThrownBy(() -> Clipping.parse("norm"))
        .hasMessage("Clipping 'norm' needs max_norm; it accepts [max_norm (required, > 0)].");
    assertThatThrownBy(() -> Clipping.parse("none:max_norm=1"))
        .hasMessage("Clipping 'none' has no hyperparameter 'max_norm'; it accepts no hyperparameters.");
  }
}
