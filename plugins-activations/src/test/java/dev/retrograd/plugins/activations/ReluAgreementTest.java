package dev.retrograd.plugins.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ReluRule;
import dev.retrograd.autograd.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The relu plugin and the engine's Value.relu() give the same numbers: both are ReluRule. */
class ReluAgreementTest {

  private final Activation relu = Catalogue.activation("relu");

  @ParameterizedTest(name = "relu({0}) = {1}, relu''({0}) = {2}")
  @CsvSource({
      "-1.0, 0.0, 0.0",
      " 0.0, 0.0, 0.0",
      " 2.0, 2.0, 1.0",
      " NaN, NaN, 1.0"})
  void the_plugin_follows_torchs_rule_at_minus_one_zero_two_and_nan(double x, Double y, Double slope) {
    // Boxed expectations: AssertJ compares them with equals, under which NaN equals NaN.
    assertThat(relu.apply(x)).isEqualTo(y).isEqualTo(Double.valueOf(ReluRule.apply(x)));
    assertThat(relu.derivative(x, relu.apply(x))).isEqualTo(slope).isEqualTo(Double.valueOf(ReluRule.derivative(x)));
  }

  @ParameterizedTest(name = "at {0}")
  @CsvSource({"-1.0", "0.0", "2.0", "NaN"})
  void the_plugin_as_a_node_and_the_engines_relu_agree_forward_and_backward(double at) {
    Value viaPlugin = Value.of(at);
    Value viaEngine = Value.of(at);
    Value pluginOut = viaPlugin.apply(relu);
    Value engineOut = viaEngine.relu();
    pluginOut.backward();
    engineOut.backward();

    assertThat(pluginOut.data()).isEqualTo(Double.valueOf(engineOut.data()));
    assertThat(viaPlugin.grad()).isEqualTo(Double.valueOf(viaEngine.grad()));
  }
}
