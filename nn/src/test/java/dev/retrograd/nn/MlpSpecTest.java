package dev.retrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.PluginChoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlpSpecTest {

  @Test
  void the_common_case_has_hidden_layers_of_one_activation_and_a_linear_output_layer() {
    MlpSpec spec = MlpSpec.of(64, new int[] {32, 16}, 10, "relu", "he_normal");

    assertThat(spec.inputs()).isEqualTo(64);
    assertThat(spec.outputs()).isEqualTo(10);
    assertThat(spec.widths()).containsExactly(64, 32, 16, 10);
    assertThat(spec.layers()).containsExactly(
        LayerSpec.of(32, "relu", "he_normal"),
        LayerSpec.of(16, "relu", "he_normal"),
        LayerSpec.of(10, "identity", "he_normal"));
    assertThat(spec.layers().get(2).isLinear()).isTrue();
    assertThat(spec).hasToString("64 -> 32 relu he_normal -> 16 relu he_normal -> 10 identity he_normal");
  }

  @Test
  void batch_norm_goes_into_every_hidden_layer_and_not_the_output_layer() {
    MlpSpec spec = MlpSpec.of(2, new int[] {8, 8}, 1, "tanh", "uniform").withBatchNorm();

    assertThat(spec.layers()).extracting(LayerSpec::batchNorm).containsExactly(true, true, false);
    assertThat(spec).hasToString("2 -> 8 tanh uniform +bn -> 8 tanh uniform +bn -> 1 identity uniform");
  }

  @Test
  void residual_goes_into_every_hidden_layer_as_wide_as_its_input() {
    MlpSpec spec = MlpSpec.of(2, new int[] {16, 16, 16, 8}, 1, "relu", "he_normal").withResidual();

    assertThat(spec.layers()).extracting(LayerSpec::residual).containsExactly(false, true, true, false, false);
  }

  @Test
  void withers_without_a_possible_target_say_why() {
    assertThatThrownBy(() -> MlpSpec.of(2, new int[] {16, 8}, 1, "relu", "he_normal").withResidual())
        .hasMessage("no hidden layer of '2 -> 16 relu he_normal -> 8 relu he_normal -> 1 identity he_normal' has"
            + " the width of its input, so none can be residual (out = x + f(x)); use equal hidden widths,"
            + " such as hidden layers 16,16,16.");
    assertThatThrownBy(() -> MlpSpec.of(2, new int[0], 1, "relu", "he_normal").withBatchNorm())
        .hasMessage("withBatchNorm() changes hidden layers, but '2 -> 1 identity he_normal' has only the output"
            + " layer; add hidden layers.");
  }

  @Test
  void a_residual_layer_must_be_as_wide_as_its_input() {
    List<LayerSpec> layers = List.of(
        LayerSpec.of(16, "relu", "he_normal"),
        LayerSpec.of(32, "relu", "he_normal").withResidual(true),
        LayerSpec.of(1, "identity", "he_normal"));

    assertThatThrownBy(() -> new MlpSpec(2, layers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layer 2 is residual (out = x + f(x)), so its width must equal its input width 16, was 32;"
            + " make the widths equal or drop the residual connection.");
  }

  @Test
  void the_text_form_reads_back_to_an_equal_spec() {
    MlpSpec spec = MlpSpec.of(4, new int[] {8, 8}, 3, "relu", "he_normal")
        .withActivation("leaky_relu", Hyperparameters.of(Map.of("negative_slope", 0.1)))
        .withInitializer("uniform", Hyperparameters.parse("low=-0.5,high=0.5"))
        .withBatchNorm()
        .withResidual();
    String text = "4 -> 8 leaky_relu(negative_slope=0.1) uniform(low=-0.5,high=0.5) +bn"
        + " -> 8 leaky_relu(negative_slope=0.1) uniform(low=-0.5,high=0.5) +bn +res"
        + " -> 3 identity uniform(low=-0.5,high=0.5)";

    assertThat(spec).hasToString(text);
    assertThat(MlpSpec.parse(text)).isEqualTo(spec);
    assertThat(MlpSpec.parse("4 → 8 leaky_relu( negative_slope = 0.1 ) uniform(low=-0.5,high=0.5)  +bn →"
        + " 8  leaky_relu(negative_slope=0.1) uniform(low=-0.5, high=0.5) +res +bn -> 3 identity"
        + " uniform(low=-0.5,high=0.5)")).isEqualTo(spec);
  }

  @Test
  void specs_are_equal_when_their_text_is() {
    LayerSpec fromNumbers = LayerSpec.of(3, "leaky_relu", "uniform")
        .withActivation("leaky_relu", Hyperparameters.of(Map.of("negative_slope", 0.2)));
    LayerSpec fromText = LayerSpec.parse("3 leaky_relu(negative_slope=0.2) uniform");

    assertThat(fromNumbers).isEqualTo(fromText).hasSameHashCodeAs(fromText);
    assertThat(MlpSpec.of(2, new int[] {3}, 1, "relu", "uniform"))
        .isEqualTo(MlpSpec.of(2, new int[] {3}, 1, "relu", "uniform"))
        .isNotEqualTo(MlpSpec.of(2, new int[] {3}, 1, "tanh", "uniform"));
  }

  @Test
  void malformed_text_names_the_part_and_the_expected_form() {
    assertThatThrownBy(() -> MlpSpec.parse("2 -> 16 relu -> 1 identity uniform"))
        .hasMessage("In architecture '2 -> 16 relu -> 1 identity uniform', layer 1: Malformed layer '16 relu':"
            + " it needs a width, an activation and an initializer; expected 'WIDTH ACTIVATION INITIALIZER"
            + " [+bn] [+res]', such as '32 relu he_normal +bn'.");
    assertThatThrownBy(() -> LayerSpec.parse("16 relu he_normal +batchnorm"))
        .hasMessage("Malformed layer '16 relu he_normal +batchnorm': '+batchnorm' is neither +bn nor +res;"
            + " expected 'WIDTH ACTIVATION INITIALIZER [+bn] [+res]', such as '32 relu he_normal +bn'.");
    assertThatThrownBy(() -> MlpSpec.parse("two -> 1 identity uniform"))
        .hasMessage("Malformed architecture 'two -> 1 identity uniform': the number of inputs 'two' is not an"
            + " integer; expected such as '2 -> 16 relu he_normal -> 1 identity xavier_uniform'.");
    assertThatThrownBy(() -> MlpSpec.parse("2"))
        .hasMessage("Malformed architecture '2': expected the number of inputs then layers, separated by '->',"
            + " such as '2 -> 16 relu he_normal -> 1 identity xavier_uniform'.");
  }

  @Test
  void layer_fields_are_validated() {
    assertThatThrownBy(() -> LayerSpec.of(0, "relu", "he_normal")).hasMessage("width must be >= 1, was 0");
    assertThatThrownBy(() -> LayerSpec.of(4, "ReLU", "he_normal"))
        .hasMessage("activation must be a lower_snake_case plugin name such as relu, was 'ReLU'");
    assertThatThrownBy(() -> LayerSpec.of(4, "relu", null))
        .hasMessage("initializer must be a lower_snake_case plugin name such as he_normal, was null");
    assertThatThrownBy(() -> LayerSpec.of(4, "identity", "he_normal")
        .withActivation("identity", Hyperparameters.parse("slope=2")))
        .hasMessage("activation 'identity' is linear and takes no hyperparameters, was 'slope=2'; drop them or"
            + " choose another activation.");
    assertThatThrownBy(() -> new MlpSpec(0, List.of(LayerSpec.of(1, "identity", "uniform"))))
        .hasMessage("inputs must be >= 1, was 0");
    assertThatThrownBy(() -> new MlpSpec(2, List.of()))
        .hasMessage("an MLP needs at least one layer, the output layer, such as"
            + " LayerSpec.of(1, \"identity\", \"xavier_uniform\")");
  }

  private static final Activation CUBE = new Activation() {
    @Override
    public double apply(double x) {
      return x * x * x;
    }

    @Override
    public double derivative(double x, double y) {
      return 3 * x * x;
    }
  };

  @Test
  void instances_appear_by_their_names_and_read_back_as_registered_names() {
    Initializer zeros = (weights, fanIn, fanOut, random) -> java.util.Arrays.fill(weights, 0);
    MlpSpec spec = MlpSpec.of(2, new int[] {4, 4}, 1, "relu", "he_normal")
        .withActivation("cube", CUBE)
        .withOutputActivation("cube", CUBE)
        .withInitializer("my_zeros", zeros);

    assertThat(spec).hasToString("2 -> 4 cube my_zeros -> 4 cube my_zeros -> 1 cube my_zeros");
    assertThat(spec.layers()).extracting(LayerSpec::activation)
        .containsOnly(PluginChoice.given("cube", CUBE));
    assertThat(MlpSpec.parse(spec.toString())).as("a name read back names a registered plugin")
        .isNotEqualTo(spec)
        .satisfies(read -> assertThat(read.layers().get(0).activation()).isEqualTo(PluginChoice.named("cube")));
    assertThat(spec.withActivation("cube", CUBE)).isEqualTo(spec);
    assertThat(spec.withActivation("cube", new Activation() {
      @Override
      public double apply(double x) {
        return x;
      }

      @Override
      public double derivative(double x, double y) {
        return 1;
      }
    })).as("another instance under the same name").isNotEqualTo(spec);
  }

  @Test
  void an_instance_cannot_take_the_name_of_the_linear_layer() {
    assertThatThrownBy(() -> LayerSpec.of(4, "relu", "he_normal").withActivation("identity", CUBE))
        .hasMessage("activation 'identity' names the linear layer, without an activation; give the instance another"
            + " name.");
    assertThatThrownBy(() -> LayerSpec.of(4, "relu", "he_normal").withActivation("Cube", CUBE))
        .hasMessageStartingWith("A plugin instance (dev.retrograd.nn.MlpSpecTest$")
        .hasMessageEndingWith(") needs a lower_snake_case name for messages and checkpoints, such as my_plugin,"
            + " was 'Cube'");
  }
}
