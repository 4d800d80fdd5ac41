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
    assertThatThrownBy(() -> Clipping.byNorm(0)).hasMessage("max norm must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> Clipping.byValue(-1)).hasMessage("clip value must be finite and > 0, was -1.0");
  }

  @Test
  void text_form_reads_back() {
    assertThat(Clipping.parse("none")).isEqualTo(Clipping.none());
    assertThat(Clipping.parse("norm:1.0")).isEqualTo(Clipping.byNorm(1));
    assertThat(Clipping.parse(Clipping.byValue(0.25).toString())).isEqualTo(Clipping.byValue(0.25));
    assertThatThrownBy(() -> Clipping.parse("max:1"))
        .hasMessage("Unknown clipping 'max:1'; accepted: none, norm:MAX_NORM (such as norm:1.0), value:CLIP_VALUE.");
    assertThatThrownBy(() -> Clipping.parse("norm:x")).hasMessage("Clipping 'norm:x' needs a number after 'norm:'.");
  }
}
