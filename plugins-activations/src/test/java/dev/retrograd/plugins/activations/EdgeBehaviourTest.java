package dev.retrograd.plugins.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import org.junit.jupiter.api.Test;

/** Values and derivatives at 0, at the kinks and thresholds, and for NaN, as torch defines them. */
class EdgeBehaviourTest {

  private static double slope(Activation f, double x) {
    return f.derivative(x, f.apply(x));
  }

  @Test
  void relu_is_zero_with_zero_slope_at_zero() {
    Activation relu = Catalogue.activation("relu");
    assertThat(relu.apply(0.0)).isEqualTo(0.0);
    assertThat(relu.apply(-0.0)).isEqualTo(0.0);
    assertThat(slope(relu, 0.0)).isEqualTo(0.0);
    assertThat(relu.apply(-3)).isEqualTo(0.0);
    assertThat(slope(relu, -3)).isEqualTo(0.0);
    assertThat(relu.apply(2.5)).isEqualTo(2.5);
    assertThat(slope(relu, 2.5)).isEqualTo(1.0);
  }

  @Test
  void relu_propagates_nan_and_passes_its_gradient_as_torch_threshold_backward_does() {
    Activation relu = Catalogue.activation("relu");
    assertThat(relu.apply(Double.NaN)).isNaN();
    // threshold_backward zeroes the gradient only where the output is <= 0, which NaN is not.
    assertThat(slope(relu, Double.NaN)).isEqualTo(1.0);
  }

  @Test
  void leaky_relu_takes_the_negative_slope_at_zero_and_below() {
    Activation leaky = Catalogue.activation("leaky_relu");
    assertThat(slope(leaky, 0.0)).isEqualTo(0.01);
    assertThat(leaky.apply(-2)).isEqualTo(-0.02);
    assertThat(slope(leaky, 1e-300)).isEqualTo(1.0);
    assertThat(slope(Catalogue.activation("leaky_relu", "negative_slope=0.2"), 0.0)).isEqualTo(0.2);
    assertThat(leaky.apply(Double.NaN)).isNaN();
  }

  @Test
  void elu_has_slope_alpha_at_zero_and_tends_to_minus_alpha() {
    Activation elu = Catalogue.activation("elu", "alpha=0.5");
    assertThat(elu.apply(0.0)).isEqualTo(0.0);
    assertThat(slope(elu, 0.0)).isEqualTo(0.5);
    assertThat(slope(elu, 1e-300)).isEqualTo(1.0);
    // 0.5·expm1(−1) and 0.5·exp(−1), from Python's math; within an ulp or so.
    assertThat(elu.apply(-1)).isCloseTo(-0.31606027941427883, within(1e-16));
    assertThat(slope(elu, -1)).isCloseTo(0.18393972058572117, within(1e-16));
    assertThat(elu.apply(-1000)).isEqualTo(-0.5);
    assertThat(slope(elu, -1000)).isEqualTo(0.0);
  }

  @Test
  void selu_uses_torchs_constants_and_has_slope_scale_times_alpha_at_zero() {
    Activation selu = Catalogue.activation("selu");
    assertThat(Selu.SCALE).isEqualTo(1.0507009873554805);
    assertThat(Selu.ALPHA).isEqualTo(1.6732632423543772);
    assertThat(selu.apply(1)).isEqualTo(1.0507009873554805);
    assertThat(slope(selu, 1)).isEqualTo(1.0507009873554805);
    assertThat(slope(selu, 0.0)).isEqualTo(1.7580993408473766);
    assertThat(selu.apply(-1000)).isEqualTo(-1.7580993408473766);
  }

  @Test
  void gelu_and_gelu_tanh_are_zero_with_slope_one_half_at_zero() {
    for (String name : new String[] {"gelu", "gelu_tanh"}) {
      Activation gelu = Catalogue.activation(name);
      assertThat(gelu.apply(0.0)).as(name).isEqualTo(0.0);
      assertThat(slope(gelu, 0.0)).as(name).isEqualTo(0.5);
    }
  }

  @Test
  void sigmoid_tanh_silu_mish_and_softsign_at_zero() {
    assertThat(Catalogue.activation("sigmoid").apply(0)).isEqualTo(0.5);
    assertThat(slope(Catalogue.activation("sigmoid"), 0)).isEqualTo(0.25);
    assertThat(slope(Catalogue.activation("tanh"), 0)).isEqualTo(1.0);
    assertThat(slope(Catalogue.activation("silu"), 0)).isEqualTo(0.5);
    // tanh(log 2) = 0.6
    assertThat(slope(Catalogue.activation("mish"), 0)).isEqualTo(0.6);
    assertThat(slope(Catalogue.activation("softsign"), 0)).isEqualTo(1.0);
    assertThat(Catalogue.activation("softsign").apply(3)).isEqualTo(0.75);
    assertThat(slope(Catalogue.activation("softsign"), -3)).isEqualTo(0.0625);
  }

  @Test
  void softplus_is_x_itself_only_strictly_above_the_threshold() {
    Activation softplus = Catalogue.activation("softplus");
    // log1p(exp(20)) and σ(20), from Python's math; within a few ulp.
    assertThat(softplus.apply(20)).isCloseTo(20.000000002061153, within(1e-14));
    assertThat(slope(softplus, 20)).isCloseTo(0.9999999979388463, within(1e-15));
    assertThat(softplus.apply(20.5)).isEqualTo(20.5);
    assertThat(slope(softplus, 20.5)).isEqualTo(1.0);
  }

  @Test
  void softplus_beta_scales_input_and_threshold_applies_to_beta_times_x() {
    Activation softplus = Catalogue.activation("softplus", "beta=2,threshold=5");
    // log1p(exp(2))/2 and σ(2), from Python's math; within a few ulp.
    assertThat(softplus.apply(1)).isCloseTo(1.0634640055214863, within(1e-15));
    assertThat(slope(softplus, 1)).isCloseTo(0.8807970779778823, within(1e-15));
    assertThat(softplus.apply(2.6)).isEqualTo(2.6);
    assertThat(slope(softplus, 2.6)).isEqualTo(1.0);
  }

  @Test
  void softplus_with_a_threshold_past_where_exp_overflows_stays_finite() {
    Activation softplus = Catalogue.activation("softplus", "threshold=1000");
    assertThat(softplus.apply(800)).isEqualTo(800.0);
    assertThat(slope(softplus, 800)).isEqualTo(1.0);
  }

  @Test
  void softplus_with_a_negative_threshold_is_linear_above_it() {
    Activation softplus = Catalogue.activation("softplus", "threshold=-5");
    assertThat(softplus.apply(-3)).isEqualTo(-3.0);
    assertThat(slope(softplus, -3)).isEqualTo(1.0);
  }

  @Test
  void hardtanh_has_slope_one_strictly_inside_and_zero_at_and_beyond_the_edges() {
    Activation hardtanh = Catalogue.activation("hardtanh");
    assertThat(hardtanh.apply(-7)).isEqualTo(-1.0);
    assertThat(hardtanh.apply(1.5)).isEqualTo(1.0);
    assertThat(hardtanh.apply(0.25)).isEqualTo(0.25);
    assertThat(slope(hardtanh, -1)).isEqualTo(0.0);
    assertThat(slope(hardtanh, 1)).isEqualTo(0.0);
    assertThat(slope(hardtanh, -0.999)).isEqualTo(1.0);
    assertThat(slope(hardtanh, 0.999)).isEqualTo(1.0);
    assertThat(slope(hardtanh, 1.5)).isEqualTo(0.0);
    Activation wide = Catalogue.activation("hardtanh", "min_val=-2,max_val=3");
    assertThat(wide.apply(2.5)).isEqualTo(2.5);
    assertThat(wide.apply(3.5)).isEqualTo(3.0);
    assertThat(slope(wide, -2)).isEqualTo(0.0);
  }

  @Test
  void relu6_clamps_to_zero_and_six_with_slope_zero_at_both() {
    Activation relu6 = Catalogue.activation("relu6");
    assertThat(relu6.apply(-1)).isEqualTo(0.0);
    assertThat(relu6.apply(3)).isEqualTo(3.0);
    assertThat(relu6.apply(7)).isEqualTo(6.0);
    assertThat(slope(relu6, 0.0)).isEqualTo(0.0);
    assertThat(slope(relu6, 6)).isEqualTo(0.0);
    assertThat(slope(relu6, 3)).isEqualTo(1.0);
  }

  @Test
  void nan_stays_nan_through_every_activation() {
    for (var plugin : Catalogue.plugins()) {
      Activation f = plugin.create(dev.retrograd.api.Hyperparameters.empty().resolve(plugin));
      assertThat(f.apply(Double.NaN)).as(plugin.name()).isNaN();
    }
  }

  @Test
  void identity_passes_everything_through_with_slope_one() {
    Activation identity = Catalogue.activation("identity");
    assertThat(identity.apply(-1e300)).isEqualTo(-1e300);
    assertThat(slope(identity, 1e300)).isEqualTo(1.0);
  }
}
