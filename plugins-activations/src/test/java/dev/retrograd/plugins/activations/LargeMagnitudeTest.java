package dev.retrograd.plugins.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No exp overflow turns into NaN or ±∞: every activation is finite far out on both sides. */
class LargeMagnitudeTest {

  static Stream<ActivationPlugin> plugins() {
    return Catalogue.plugins().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void value_and_derivative_are_finite_for_large_magnitudes(ActivationPlugin plugin) {
    Activation f = plugin.create(Hyperparameters.empty().resolve(plugin));
    for (double x : new double[] {1000, -1000, 1e5, -1e5, 1e300, -1e300}) {
      double y = f.apply(x);
      assertThat(y).as("%s(%s)", plugin.name(), x).isFinite();
      assertThat(f.derivative(x, y)).as("%s'(%s)", plugin.name(), x).isFinite();
    }
  }

  @Test
  void silu_of_minus_1000_is_zero_with_zero_slope() {
    Activation silu = Catalogue.activation("silu");
    assertThat(Math.abs(silu.apply(-1000))).isEqualTo(0.0);
    assertThat(Math.abs(silu.derivative(-1000, silu.apply(-1000)))).isEqualTo(0.0);
    assertThat(silu.apply(1000)).isEqualTo(1000.0);
    assertThat(silu.derivative(1000, 1000)).isEqualTo(1.0);
  }

  @Test
  void mish_of_1000_is_1000_with_slope_one() {
    Activation mish = Catalogue.activation("mish");
    assertThat(mish.apply(1000)).isEqualTo(1000.0);
    assertThat(mish.derivative(1000, 1000)).isEqualTo(1.0);
    assertThat(Math.abs(mish.apply(-1000))).isEqualTo(0.0);
  }

  @Test
  void softplus_of_minus_1000_is_zero_not_minus_infinity() {
    Activation softplus = Catalogue.activation("softplus");
    assertThat(softplus.apply(-1000)).isEqualTo(0.0);
    assertThat(softplus.derivative(-1000, 0)).isEqualTo(0.0);
    assertThat(softplus.apply(1000)).isEqualTo(1000.0);
  }

  @Test
  void saturating_activations_reach_their_limits() {
    assertThat(Catalogue.activation("sigmoid").apply(-1000)).isEqualTo(0.0);
    assertThat(Catalogue.activation("sigmoid").apply(1000)).isEqualTo(1.0);
    assertThat(Catalogue.activation("tanh").apply(-1000)).isEqualTo(-1.0);
    assertThat(Catalogue.activation("elu").apply(-1000)).isEqualTo(-1.0);
    assertThat(Catalogue.activation("softsign").apply(1e300)).isEqualTo(1.0);
    assertThat(Catalogue.activation("gelu").apply(1000)).isEqualTo(1000.0);
    assertThat(Math.abs(Catalogue.activation("gelu").apply(-1000))).isEqualTo(0.0);
    assertThat(Catalogue.activation("gelu_tanh").apply(1000)).isEqualTo(1000.0);
    assertThat(Math.abs(Catalogue.activation("gelu_tanh").apply(-1000))).isEqualTo(0.0);
  }
}
