package dev.retrograd.demo.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitialProbeTest {

  private static final Plugins PLUGINS = Plugins.load();

  /**
   * h = relu(2x), y = 0.5h on x = (1, 2) with targets (1, 3): h = (2, 4), y = (1, 2), mse losses
   * (0, 1), mean 0.5. ∂L/∂y = 2(y − t)/2 = (0, −1), so ∂L/∂w2 = −1·4 = −4, ∂L/∂b2 = −1, ∂L/∂z1 = −1·0.5 = −0.5
   * (relu' = 1 at z = 4), ∂L/∂w1 = −0.5·2 = −1, ∂L/∂b1 = −0.5: ‖g‖ = sqrt(16 + 1 + 1 + 0.25).
   */
  @Test
  void measures_loss_gradient_norm_and_activation_scale_as_computed_by_hand() {
    Mlp model = Mlp.of(MlpSpec.parse("1 -> 1 relu constant(value=2) -> 1 identity constant(value=0.5)"), PLUGINS,
        new SplittableRandom(1));
    Dataset data = Dataset.regression("two", List.of("x"), new double[][] {{1}, {2}}, "y", new double[] {1, 3});

    InitialFigures figures = InitialProbe.measure(model, data, PLUGINS.loss("mse"));

    assertThat(figures.loss()).isCloseTo(0.5, within(1e-15));
    assertThat(figures.gradientNorm()).isCloseTo(Math.sqrt(18.25), within(1e-12));
    assertThat(figures.activationScales()).hasSize(1);
    assertThat(figures.lastHiddenScale()).isCloseTo(Math.sqrt((4 + 16) / 2.0), within(1e-12));
  }

  @Test
  void leaves_the_gradients_zeroed_and_the_running_statistics_untouched() {
    Mlp model = Mlp.of(MlpSpec.parse("2 -> 4 tanh xavier_uniform +bn -> 2 identity xavier_uniform"), PLUGINS,
        new SplittableRandom(3));
    Dataset data = Dataset.classification("three", List.of("a", "b"), new double[][] {{1, 2}, {-1, 0.5}, {3, -2}},
        List.of("first", "second"), new int[] {0, 1, 0});
    var before = model.buffers();

    InitialFigures figures = InitialProbe.measure(model, data, PLUGINS.loss("cross_entropy"));

    assertThat(figures.gradientNorm()).isPositive();
    assertThat(model.parameters()).extracting(Value::grad).containsOnly(0.0);
    assertThat(model.buffers()).containsOnlyKeys(before.keySet());
    before.forEach((name, values) -> assertThat(model.buffers().get(name)).as(name).containsExactly(values));
    assertThat(model.isTraining()).isTrue();
  }
}
