package dev.retrograd.demo.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.graph.GraphNode.OpNode;
import dev.retrograd.autograd.graph.GraphNode.ValueNode;
import dev.retrograd.autograd.graph.GraphNode.ValueRole;
import dev.retrograd.autograd.graph.ValueGraph;
import dev.retrograd.registry.Plugins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ExpressionGraphTest {

  private static final Functions FUNCTIONS = Functions.of(Plugins.load());

  private static ExpressionGraph build(String text, Map<String, Double> values) {
    return ExpressionGraph.build(ExpressionParser.parse(text), values, FUNCTIONS, name -> name.startsWith("w"));
  }

  @Test
  void micrograd_neuron_gives_its_known_numbers() {
    ExpressionGraph graph = build("tanh(x1*w1 + x2*w2 + b)",
        Map.of("x1", 2.0, "x2", 0.0, "w1", -3.0, "w2", 1.0, "b", 6.8813735870195432));

    graph.output().backward();

    assertThat(graph.output().data()).isCloseTo(0.7071, within(1e-4));
    assertThat(graph.variables().get("x1").grad()).isCloseTo(-1.5, within(1e-9));
    assertThat(graph.variables().get("w1").grad()).isCloseTo(1.0, within(1e-9));
    assertThat(graph.variables().get("x2").grad()).isCloseTo(0.5, within(1e-9));
    assertThat(graph.variables().get("w2").grad()).isCloseTo(0.0, within(1e-9));
    assertThat(graph.variables().get("b").grad()).isCloseTo(0.5, within(1e-9));
  }

  /**
   * Every function of the language, a plugin among them, and a variable used four times: each
   * gradient matches a central difference of the same expression evaluated in plain doubles.
   */
  @Test
  void gradients_match_central_differences_of_the_same_expression_in_doubles() {
    String text = "x^2 + gelu(x)/y - -3*exp(-x) + sqrt(y)*log(y) + sigmoid(x*y) - relu(y - x) + abs(x - 2*y)";
    Map<String, Double> values = new LinkedHashMap<>(Map.of("x", 0.7, "y", 1.3));
    Activation gelu = Plugins.load().activation("gelu");
    ToDoubleFunction<double[]> inDoubles = v -> {
      double x = v[0];
      double y = v[1];
      return x * x + gelu.apply(x) / y + 3 * Math.exp(-x) + Math.sqrt(y) * Math.log(y) + 1 / (1 + Math.exp(-x * y))
          - Math.max(0, y - x) + Math.abs(x - 2 * y);
    };
    ExpressionGraph graph = build(text, values);

    graph.output().backward();

    assertThat(graph.output().data()).isCloseTo(inDoubles.applyAsDouble(new double[] {0.7, 1.3}), within(1e-12));
    double h = 1e-6;
    double dx = (inDoubles.applyAsDouble(new double[] {0.7 + h, 1.3}) - inDoubles.applyAsDouble(new double[] {0.7 - h, 1.3})) / (2 * h);
    double dy = (inDoubles.applyAsDouble(new double[] {0.7, 1.3 + h}) - inDoubles.applyAsDouble(new double[] {0.7, 1.3 - h})) / (2 * h);
    assertThat(graph.variables().get("x").grad()).isCloseTo(dx, within(1e-6));
    assertThat(graph.variables().get("y").grad()).isCloseTo(dy, within(1e-6));
  }

  @Test
  void the_picture_names_variables_constants_and_sub_expressions_and_labels_powers_and_plugins() {
    ExpressionGraph graph = build("w*x^2 + gelu(x) + 3", Map.of("w", 2.0, "x", -1.5));
    graph.output().backward();

    ValueGraph traced = ValueGraph.trace(graph.output(), graph.labels());

    assertThat(traced.valueNodes()).extracting(ValueNode::name, ValueNode::role).containsExactlyInAnyOrder(
        tuple("w*x^2 + gelu(x) + 3", ValueRole.OUTPUT),
        tuple("w*x^2 + gelu(x)", ValueRole.INTERIOR),
        tuple("w*x^2", ValueRole.INTERIOR),
        tuple("x^2", ValueRole.INTERIOR),
        tuple("gelu(x)", ValueRole.INTERIOR),
        tuple("w", ValueRole.PARAMETER),
        tuple("x", ValueRole.LEAF),
        tuple("3", ValueRole.LEAF));
    assertThat(traced.nodes()).filteredOn(OpNode.class::isInstance).extracting(node -> ((OpNode) node).text())
        .containsExactlyInAnyOrder("+", "+", "*", "^2", "gelu");
  }

  @Test
  void a_variable_used_twice_is_one_leaf_that_gets_both_contributions() {
    ExpressionGraph graph = build("x*x", Map.of("x", 3.0));

    graph.output().backward();

    assertThat(graph.variables()).hasSize(1);
    assertThat(graph.variables().get("x").grad()).isEqualTo(6.0);
  }

  @Test
  void long_sub_expressions_are_cut_in_the_picture() {
    ExpressionGraph graph = build("a_long_variable_name + another_long_variable_name",
        Map.of("a_long_variable_name", 1.0, "another_long_variable_name", 2.0));

    ValueGraph traced = ValueGraph.trace(graph.output(), graph.labels());

    assertThat(traced.valueNodes().get(0).name()).isEqualTo("a_long_variable_name + anot…").hasSize(28);
  }

  @Test
  void an_unknown_function_lists_the_engines_functions_and_the_activation_plugins() {
    assertThatThrownBy(() -> build("1 + gleu(x)", Map.of("x", 1.0)))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Unknown function 'gleu' at column 5; the engine's are [abs, exp, log, relu, sigmoid, sqrt, tanh]"
            + " and the activation plugins [elu, gelu, gelu_tanh, hardtanh, identity, leaky_relu, mish, relu6, selu,"
            + " silu, softplus, softsign].")
        .extracting(e -> ((ExpressionException) e).column()).isEqualTo(5);
  }

  @Test
  void an_engine_function_is_one_primitive_node_and_a_plugin_an_apply_node() {
    ExpressionGraph engine = build("tanh(x)", Map.of("x", 0.5));
    ExpressionGraph plugin = build("softsign(x)", Map.of("x", 0.5));

    assertThat(List.of(engine.output().op(), plugin.output().op())).containsExactly("tanh", "apply");
    assertThat(plugin.output().data()).isCloseTo(0.5 / 1.5, within(1e-15));
    Value x = plugin.variables().get("x");
    plugin.output().backward();
    assertThat(x.grad()).isCloseTo(1 / (1.5 * 1.5), within(1e-15));
  }
}
