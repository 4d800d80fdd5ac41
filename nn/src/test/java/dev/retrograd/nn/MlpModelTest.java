package dev.retrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.PluginException;
import dev.retrograd.autograd.GradCheck;
import dev.retrograd.autograd.Value;
import dev.retrograd.registry.Plugins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpModelTest {

  private static final Plugins PLUGINS = Plugins.load();

  private static Mlp build(String architecture, long seed) {
    return Mlp.of(MlpSpec.parse(architecture), PLUGINS, new SplittableRandom(seed));
  }

  private static double[] data(List<Value> values) {
    return values.stream().mapToDouble(Value::data).toArray();
  }

  @Test
  void weights_are_named_by_output_neuron_then_input_as_the_initializer_laid_them_out() {
    Mlp model = build("3 -> 2 tanh indexed -> 1 identity indexed", 1);

    Map<String, Value> byName = new LinkedHashMap<>();
    model.namedParameters().forEach(p -> byName.put(p.name(), p.value()));

    assertThat(byName.keySet()).containsExactly(
        "layer1.weight[0][0]", "layer1.weight[0][1]", "layer1.weight[0][2]", "layer1.bias[0]",
        "layer1.weight[1][0]", "layer1.weight[1][1]", "layer1.weight[1][2]", "layer1.bias[1]",
        "layer2.weight[0][0]", "layer2.weight[0][1]", "layer2.bias[0]");
    assertThat(byName.get("layer1.weight[1][2]").data()).isEqualTo(12.0);  // 10·o + i
    assertThat(byName.get("layer1.weight[0][1]").data()).isEqualTo(1.0);
    assertThat(byName.get("layer1.bias[1]").data()).isZero();
    assertThat(model.layers().get(0).neurons().get(1).weights()).extracting(Value::data)
        .containsExactly(10.0, 11.0, 12.0);
    assertThat(model.parameters()).containsExactlyElementsOf(byName.values());
  }

  @Test
  void batch_norm_parameters_follow_their_layer_weights_and_biases() {
    Mlp model = build("2 -> 2 tanh uniform +bn -> 1 identity uniform", 1);

    assertThat(model.namedParameters()).extracting(NamedParameter::name).containsExactly(
        "layer1.weight[0][0]", "layer1.weight[0][1]", "layer1.bias[0]",
        "layer1.weight[1][0]", "layer1.weight[1][1]", "layer1.bias[1]",
        "layer1.bn.gamma[0]", "layer1.bn.gamma[1]", "layer1.bn.beta[0]", "layer1.bn.beta[1]",
        "layer2.weight[0][0]", "layer2.weight[0][1]", "layer2.bias[0]");
    BatchNorm bn = model.layers().get(0).batchNorm().orElseThrow();
    assertThat(model.namedParameters().get(6).value()).isSameAs(bn.gamma().get(0));
    assertThat(model.namedParameters().get(9).value()).isSameAs(bn.beta().get(1));
  }

  @Test
  void parameters_by_layer_group_the_same_leaves_input_side_first() {
    Mlp model = build("2 -> 4 tanh uniform +bn -> 3 tanh uniform -> 1 identity uniform", 1);

    Map<String, List<Value>> byLayer = model.parametersByLayer();

    assertThat(byLayer).isInstanceOf(LinkedHashMap.class);
    assertThat(byLayer.keySet()).containsExactly("layer1", "layer2", "layer3");
    assertThat(byLayer.get("layer1")).hasSize(4 * 3 + 2 * 4);
    assertThat(byLayer.get("layer2")).hasSize(3 * 5);
    assertThat(byLayer.get("layer3")).hasSize(4);
    List<Value> concatenated = new ArrayList<>();
    byLayer.values().forEach(concatenated::addAll);
    assertThat(concatenated).containsExactlyElementsOf(model.parameters());
  }

  @Test
  void the_same_seed_gives_the_same_weights_and_another_seed_other_weights() {
    String architecture = "3 -> 5 tanh uniform -> 2 identity uniform(low=-0.1,high=0.1)";

    assertThat(data(build(architecture, 42).parameters())).containsExactly(data(build(architecture, 42).parameters()));
    assertThat(data(build(architecture, 43).parameters())).isNotEqualTo(data(build(architecture, 42).parameters()));
    assertThat(build(architecture, 42).layers().get(1).parameters())
        .allSatisfy(w -> assertThat(Math.abs(w.data())).isLessThanOrEqualTo(0.1));
  }

  @Test
  void a_uniform_spec_draws_the_same_weights_as_the_micrograd_constructor() {
    Activation tanh = PLUGINS.activation("tanh");
    Mlp legacy = new Mlp(2, new int[] {4, 4, 1}, tanh, new SplittableRandom(7));
    Mlp fromSpec = Mlp.of(MlpSpec.of(2, new int[] {4, 4}, 1, "tanh", "uniform"), PLUGINS, new SplittableRandom(7));

    assertThat(data(fromSpec.parameters())).containsExactly(data(legacy.parameters()));
    assertThat(legacy.architecture()).isEqualTo(fromSpec.architecture())
        .isEqualTo("2 -> 4 tanh uniform -> 4 tanh uniform -> 1 identity uniform");
    assertThat(legacy.call(Value.of(0.3), Value.of(-0.4))[0].data())
        .isEqualTo(fromSpec.call(Value.of(0.3), Value.of(-0.4))[0].data());
  }

  @Test
  void an_activation_without_a_name_is_called_custom_in_the_architecture() {
    Activation square = new Activation() {
      @Override
      public double apply(double x) {
        return x * x;
      }

      @Override
      public double derivative(double x, double y) {
        return 2 * x;
      }
    };

    assertThat(new Mlp(2, new int[] {3, 1}, square, new SplittableRandom(1)).architecture())
        .isEqualTo("2 -> 3 custom uniform -> 1 identity uniform");
  }

  @Test
  void each_hidden_neuron_is_one_fused_node_and_the_output_layer_is_linear() {
    Mlp model = build("2 -> 3 tanh uniform -> 2 identity uniform", 3);

    Value[] out = model.call(Value.of(0.5), Value.of(-1.0));

    assertThat(out).extracting(Value::op).containsExactly("dot", "dot");
    Value hidden = out[0].inputs().get(3);  // dot inputs: 3 weights, then 3 inputs, then the bias
    // a hidden neuron without batch norm is f(w·x + b) in one node: 2 weights, 2 inputs, the bias
    assertThat(hidden.op()).isEqualTo("neuron");
    assertThat(hidden.inputs()).hasSize(2 + 2 + 1);
  }

  @Test
  void without_batch_norm_every_row_of_a_batch_is_its_own_call() {
    Mlp model = build("2 -> 3 tanh uniform -> 2 identity uniform", 3);
    double[][] batch = {{0.5, -1.0}, {2.0, 0.25}, {-0.3, 0.0}};

    Value[][] rows = model.forward(batch);

    assertThat(rows).hasNumberOfRows(3);
    for (int r = 0; r < batch.length; r++) {
      Value[] alone = model.call(Value.of(batch[r][0]), Value.of(batch[r][1]));
      assertThat(data(List.of(rows[r]))).containsExactly(data(List.of(alone)));
    }
  }

  @Test
  void a_residual_layer_outputs_its_input_plus_its_function() {
    Mlp model = Mlp.of(MlpSpec.parse("2 -> 2 tanh constant(value=0.5) +res -> 1 identity constant(value=0.5)"), PLUGINS,
        new SplittableRandom(1));
    double x0 = 0.3;
    double x1 = -1.1;

    Value[] hidden = model.layers().get(0).call(new Value[] {Value.of(x0), Value.of(x1)});
    double f = Math.tanh(0.5 * x0 + 0.5 * x1);  // both neurons: tanh(0.5·x0 + 0.5·x1 + 0)

    assertThat(hidden[0].data()).isCloseTo(x0 + f, within(1e-15));
    assertThat(hidden[1].data()).isCloseTo(x1 + f, within(1e-15));
    assertThat(model.call(Value.of(x0), Value.of(x1))[0].data())
        .isCloseTo(0.5 * (x0 + f) + 0.5 * (x1 + f), within(1e-15));
    assertThat(model.layers().get(0).isResidual()).isTrue();
  }

  /** Σ c·y over the outputs of a 3-row batch whose 6 inputs are x. */
  private static Value weightedBatchOutput(Mlp model, Value[] x) {
    Value[][] y = model.forward(new Value[][] {{x[0], x[1]}, {x[2], x[3]}, {x[4], x[5]}});
    List<Value> terms = new ArrayList<>();
    double c = 0.7;
    for (Value[] row : y) {
      for (Value v : row) {
        terms.add(v.mul(c));
        c = -1.3 * c + 0.2;
      }
    }
    return Value.sum(terms);
  }

  @Test
  void gradients_through_batch_norm_and_residual_layers_match_central_differences() {
    Mlp model = build("2 -> 2 tanh uniform +bn -> 2 tanh uniform +bn +res -> 2 identity uniform", 11);

    GradCheck.defaults().check(x -> weightedBatchOutput(model, x), 0.4, -0.6, 1.5, 0.2, -0.9, -1.3);
  }

  @Test
  void training_and_evaluation_modes_reach_every_batch_norm_layer() {
    Mlp model = build("2 -> 3 tanh uniform +bn -> 3 tanh uniform +bn -> 1 identity uniform", 5);
    assertThat(model.isTraining()).isTrue();

    assertThatThrownBy(() -> model.call(Value.of(1), Value.of(2)))
        .hasMessageStartingWith("BatchNorm1d(3) expected more than 1 value per feature when training");

    model.setTraining(false);
    assertThat(model.isTraining()).isFalse();
    assertThat(model.layers().subList(0, 2))
        .allSatisfy(layer -> assertThat(layer.batchNorm().orElseThrow().isTraining()).isFalse());
    assertThat(model.call(Value.of(1), Value.of(2))).hasSize(1);
  }

  @Test
  void buffers_are_the_running_statistics_by_name_and_load_back() {
    Mlp model = build("2 -> 3 tanh uniform +bn -> 1 identity uniform", 5);
    model.forward(new double[][] {{1, 2}, {3, -4}, {0.5, 0}});

    Map<String, double[]> buffers = model.buffers();

    assertThat(buffers.keySet()).containsExactly("layer1.bn.running_mean", "layer1.bn.running_var");
    BatchNorm bn = model.layers().get(0).batchNorm().orElseThrow();
    assertThat(buffers.get("layer1.bn.running_mean")).containsExactly(bn.runningMean());
    assertThat(buffers.get("layer1.bn.running_var")).containsExactly(bn.runningVar());

    Mlp fresh = build("2 -> 3 tanh uniform +bn -> 1 identity uniform", 5);
    fresh.loadBuffers(buffers);
    assertThat(fresh.buffers().get("layer1.bn.running_var")).containsExactly(bn.runningVar());
    assertThat(build("2 -> 3 tanh uniform -> 1 identity uniform", 5).buffers()).isEmpty();
  }

  @Test
  void buffers_that_do_not_fit_are_refused_and_change_nothing() {
    Mlp model = build("2 -> 3 tanh uniform +bn -> 1 identity uniform", 5);
    double[] three = {0, 0, 0};
    double[] ones = {1, 1, 1};

    assertThatThrownBy(() -> model.loadBuffers(Map.of("layer1.bn.running_mean", three,
        "layer1.bn.running_var", ones, "layer2.bn.running_mean", three)))
        .hasMessage("Unknown buffer 'layer2.bn.running_mean'; the network 2 -> 3 tanh uniform +bn -> 1 identity"
            + " uniform has [layer1.bn.running_mean, layer1.bn.running_var]. Was it saved from a different"
            + " architecture?");
    assertThatThrownBy(() -> model.loadBuffers(Map.of("layer1.bn.running_mean", new double[] {5, 5, 5})))
        .hasMessage("Buffer 'layer1.bn.running_var' is missing; the network 2 -> 3 tanh uniform +bn -> 1 identity"
            + " uniform needs [layer1.bn.running_mean, layer1.bn.running_var].");
    assertThatThrownBy(() -> model.loadBuffers(Map.of("layer1.bn.running_mean", new double[] {5, 5},
        "layer1.bn.running_var", ones)))
        .hasMessage("Buffer 'layer1.bn.running_mean' has 2 values but the network needs 3, one per feature.");
    assertThatThrownBy(() -> model.loadBuffers(Map.of("layer1.bn.running_mean", three,
        "layer1.bn.running_var", new double[] {1, -2, 1})))
        .hasMessage("Buffer 'layer1.bn.running_var' holds -2.0 at feature 1; running statistics must be finite"
            + " and variances >= 0.");
    assertThat(model.buffers().get("layer1.bn.running_mean")).containsExactly(0, 0, 0);
  }

  @Test
  void architecture_is_equal_for_equal_specs_and_differs_otherwise() {
    String text = "4 -> 8 leaky_relu(negative_slope=0.2) uniform +bn -> 8 tanh uniform +res -> 3 identity uniform";
    Mlp first = build(text, 1);
    Mlp second = Mlp.of(MlpSpec.of(4, new int[] {8, 8}, 3, "tanh", "uniform")
        .withResidual()
        .withLayer(0, LayerSpec.of(8, "leaky_relu", "uniform")
            .withActivation("leaky_relu", Hyperparameters.parse("negative_slope=0.2")).withBatchNorm(true)),
        PLUGINS, new SplittableRandom(2));

    assertThat(first.architecture()).isEqualTo(text).isEqualTo(second.architecture());
    assertThat(first.spec()).isEqualTo(second.spec());
    assertThat(build("4 -> 8 tanh uniform -> 3 identity uniform", 1).architecture())
        .isNotEqualTo(build("4 -> 8 tanh uniform +bn -> 3 identity uniform", 1).architecture());
  }

  @Test
  void to_string_shows_the_widths_the_parameter_count_and_each_layer() {
    Mlp model = build("64 -> 32 leaky_relu(negative_slope=0.1) uniform +bn -> 32 tanh constant +res"
        + " -> 10 identity uniform(low=-0.5,high=0.5)", 1);

    assertThat(model).hasToString("""
        Mlp(64 → 32 → 32 → 10, 3530 parameters)
          layer1: Linear(64 → 32, uniform) → BatchNorm1d(32) → leaky_relu(negative_slope=0.1)
          layer2: Linear(32 → 32, constant) → tanh, + input (residual)
          layer3: Linear(32 → 10, uniform(low=-0.5,high=0.5))""");
    assertThat(model.parameters()).hasSize(64 * 32 + 32 + 2 * 32 + 32 * 33 + 10 * 33);
  }

  @Test
  void unknown_plugins_and_bad_weights_fail_the_build_with_clear_messages() {
    assertThatThrownBy(() -> build("2 -> 3 swish uniform -> 1 identity uniform", 1))
        .isInstanceOf(PluginException.class)
        .hasMessage("Unknown activation 'swish'; available: [elu, gelu, gelu_tanh, hardtanh, identity, leaky_relu, mish,"
            + " relu, relu6, selu, sigmoid, silu, softplus, softsign, tanh].");
    assertThatThrownBy(() -> build("2 -> 3 tanh not_finite -> 1 identity uniform", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("initializer 'not_finite' set layer1.weight[1][0] to NaN; weights must be finite. Check the"
            + " initializer's hyperparameters (a gain or std too large?).");
  }

  @Test
  void rows_of_the_wrong_width_are_refused_with_the_expected_width() {
    Mlp model = build("2 -> 3 tanh uniform -> 1 identity uniform", 1);

    assertThatThrownBy(() -> model.forward(new double[][] {{1, 2}, {1, 2, 3}}))
        .hasMessage("the network 2 -> 3 tanh uniform -> 1 identity uniform expects 2 inputs per row, row 1 has 3");
    assertThat(model.inputs()).isEqualTo(2);
    assertThat(model.outputs()).isEqualTo(1);
  }
}
