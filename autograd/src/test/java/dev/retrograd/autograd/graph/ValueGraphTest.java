package dev.retrograd.autograd.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;
import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.graph.GraphNode.MergedNode;
import dev.retrograd.autograd.graph.GraphNode.OpNode;
import dev.retrograd.autograd.graph.GraphNode.ValueNode;
import dev.retrograd.autograd.graph.GraphNode.ValueRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueGraphTest {

  /** micrograd's neuron from its trace_graph notebook: o = tanh(x1·w1 + x2·w2 + b). */
  private final Value x1 = Value.of(2.0);
  private final Value x2 = Value.of(0.0);
  private final Value w1 = Value.of(-3.0);
  private final Value w2 = Value.of(1.0);
  private final Value b = Value.of(6.8813735870195432);
  private final Value x1w1 = x1.mul(w1);
  private final Value x2w2 = x2.mul(w2);
  private final Value n = x1w1.add(x2w2).add(b);
  private final Value o = n.tanh();

  private GraphLabels neuronLabels() {
    return GraphLabels.builder().name(x1, "x1").name(x2, "x2").parameter(w1, "w1").parameter(w2, "w2")
        .parameter(b, "b").name(n, "n").name(o, "o").build();
  }

  private static Map<String, ValueNode> byName(ValueGraph graph) {
    Map<String, ValueNode> named = new HashMap<>();
    graph.valueNodes().forEach(node -> named.put(node.name(), node));
    return named;
  }

  private static Map<String, GraphNode> byId(ValueGraph graph) {
    Map<String, GraphNode> nodes = new HashMap<>();
    graph.nodes().forEach(node -> nodes.put(node.id(), node));
    return nodes;
  }

  @Test
  void the_neuron_graph_shows_the_engines_data_and_gradients_on_every_value() {
    o.backward();

    ValueGraph graph = ValueGraph.trace(o, neuronLabels());

    Map<String, ValueNode> nodes = byName(graph);
    Map<String, Value> values = Map.of("x1", x1, "x2", x2, "w1", w1, "w2", w2, "b", b, "n", n, "o", o);
    values.forEach((name, value) -> {
      assertThat(nodes.get(name).data()).as(name + ".data").isEqualTo(value.data());
      assertThat(nodes.get(name).grad()).as(name + ".grad").isEqualTo(value.grad());
    });
    // micrograd's numbers, computed by hand: do/dn = 1 − tanh² = 0.5
    assertThat(nodes.get("o").data()).isCloseTo(0.7071, within(1e-4));
    assertThat(nodes.get("x1").grad()).isCloseTo(-1.5, within(1e-9));
    assertThat(nodes.get("w1").grad()).isCloseTo(1.0, within(1e-9));
    assertThat(nodes.get("x2").grad()).isCloseTo(0.5, within(1e-9));
    assertThat(nodes.get("w2").grad()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void every_value_is_one_node_and_every_op_a_small_node_of_its_own() {
    ValueGraph graph = ValueGraph.trace(o, neuronLabels());

    assertThat(graph.valueNodes()).hasSize(10);
    assertThat(graph.valueCount()).isEqualTo(10);
    assertThat(graph.drawnValueCount()).isEqualTo(10);
    assertThat(graph.nodes()).filteredOn(OpNode.class::isInstance).extracting(node -> ((OpNode) node).text())
        .containsExactlyInAnyOrder("tanh", "+", "+", "*", "*");
    // 9 input edges into the 5 ops, and one edge from each op to its value
    assertThat(graph.edges()).hasSize(14).contains(new GraphEdge("op0", "v0"));
    assertThat(graph.note()).isEmpty();
  }

  @Test
  void roles_tell_leaves_parameters_interior_values_and_the_output_apart() {
    ValueGraph graph = ValueGraph.trace(o, neuronLabels());

    Map<String, ValueNode> nodes = byName(graph);
    assertThat(nodes.get("o").role()).isEqualTo(ValueRole.OUTPUT);
    assertThat(nodes.get("n").role()).isEqualTo(ValueRole.INTERIOR);
    assertThat(nodes.get("x1").role()).isEqualTo(ValueRole.LEAF);
    assertThat(nodes.get("w1").role()).isEqualTo(ValueRole.PARAMETER);
    assertThat(nodes.get("b").role()).isEqualTo(ValueRole.PARAMETER);
    assertThat(nodes.get("")).as("the unnamed x1·w1 and x2·w2").extracting(ValueNode::role)
        .isEqualTo(ValueRole.INTERIOR);
  }

  @Test
  void every_edge_runs_from_a_lower_column_to_a_higher_one() {
    ValueGraph graph = ValueGraph.trace(o, neuronLabels());

    Map<String, GraphNode> nodes = byId(graph);
    for (GraphEdge edge : graph.edges()) {
      assertThat(nodes.get(edge.from()).column()).as(edge.toString()).isLessThan(nodes.get(edge.to()).column());
    }
    Map<String, ValueNode> named = byName(graph);
    // a leaf sits just before the first op that uses it: b is added last, next to n's op
    assertThat(named.get("o").column()).isEqualTo(8);
    assertThat(named.get("n").column()).isEqualTo(6);
    assertThat(named.get("b").column()).isEqualTo(4);
    assertThat(named.get("x1").column()).isZero();
  }

  @Test
  void a_value_used_twice_is_one_node_with_both_contributions_in_its_gradient() {
    Value x = Value.of(3.0);
    Value y = x.mul(x);
    y.backward();

    ValueGraph graph = ValueGraph.trace(y, GraphLabels.builder().name(x, "x").build());

    assertThat(graph.valueNodes()).hasSize(2);
    assertThat(byName(graph).get("x").grad()).isEqualTo(6.0);
    assertThat(graph.edges()).containsExactly(new GraphEdge("op0", "v0"), new GraphEdge("v1", "op0"));
  }

  @Test
  void fused_nodes_are_one_op_node_with_their_arity() {
    Value[] w = {Value.of(0.5), Value.of(-1.0)};
    Value[] x = {Value.of(2.0), Value.of(3.0)};
    Value dot = Value.dot(w, x, Value.of(0.1));
    Loss squared = new Loss() {
      public double value(double[] p, double[] t) {
        return (p[0] - t[0]) * (p[0] - t[0]);
      }

      public void gradient(double[] p, double[] t, double[] out) {
        out[0] = 2 * (p[0] - t[0]);
      }
    };
    Value loss = Value.loss(squared, new Value[] {dot.tanh()}, new double[] {1.0});

    ValueGraph graph = ValueGraph.trace(loss);

    List<OpNode> ops = graph.nodes().stream().filter(OpNode.class::isInstance).map(OpNode.class::cast).toList();
    assertThat(ops).extracting(OpNode::text, OpNode::arity, OpNode::fused, OpNode::arityText).containsExactly(
        tuple("loss", 1, true, "1 input"),
        tuple("tanh", 1, false, "1 input"),
        tuple("dot", 5, true, "5 inputs"));
  }

  @Test
  void an_op_shows_the_text_its_labels_give_it() {
    Activation softsign = new Activation() {
      public double apply(double x) {
        return x / (1 + Math.abs(x));
      }

      public double derivative(double x, double y) {
        return (1 - Math.abs(y)) * (1 - Math.abs(y));
      }
    };
    Value x = Value.of(2.0);
    Value square = x.pow(2);
    Value y = square.apply(softsign);

    ValueGraph graph = ValueGraph.trace(y, GraphLabels.builder().op(square, "^2").op(y, "softsign").build());

    assertThat(graph.nodes()).filteredOn(OpNode.class::isInstance).extracting(node -> ((OpNode) node).text())
        .containsExactly("softsign", "^2");
  }

  @Test
  void a_crowded_layer_keeps_its_first_values_and_merges_the_rest_with_a_note() {
    Value[] terms = new Value[100];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = Value.of(i);
    }
    Value total = Value.sum(terms);

    ValueGraph graph = ValueGraph.trace(total, GraphLabels.none(), new GraphLimits(12, 40));

    assertThat(graph.valueCount()).isEqualTo(101);
    assertThat(graph.drawnValueCount()).isEqualTo(12);
    assertThat(graph.valueNodes()).filteredOn(node -> node.role() == ValueRole.LEAF).extracting(ValueNode::data)
        .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    assertThat(graph.nodes()).filteredOn(MergedNode.class::isInstance)
        .containsExactly(new MergedNode("more0", "… 89 more values", 89, 0));
    assertThat(graph.edges()).contains(new GraphEdge("more0", "op0"));
    assertThat(graph.note()).isEqualTo("Showing 12 of 101 values: layers of more than 12 values show 11 of them and"
        + " merge the rest into one '… more values' node.");
  }

  @Test
  void a_deep_graph_keeps_the_layers_nearest_the_output_and_merges_the_earlier_ones() {
    Value x = Value.of(0.5);
    Value y = x;
    for (int i = 0; i < 30; i++) {
      y = y.add(Value.of(0.01)).tanh();
    }

    ValueGraph graph = ValueGraph.trace(y, GraphLabels.none(), new GraphLimits(12, 6));

    // 60 ops in layers 1 … 60 and 31 leaves; drawn: the 5 ops of layers 56 … 60 and the 2 leaves their + ops
    // add; the 84 values before them make one node in layer 55 (column 110)
    assertThat(graph.valueCount()).isEqualTo(91);
    assertThat(graph.note()).isEqualTo("Showing 7 of 91 values: only the last 6 of 61 layers are drawn,"
        + " the 84 values before them merged into one node.");
    assertThat(graph.nodes()).filteredOn(MergedNode.class::isInstance)
        .containsExactly(new MergedNode("earlier", "… 84 earlier values", 84, 110));
    Map<String, GraphNode> nodes = byId(graph);
    for (GraphEdge edge : graph.edges()) {
      assertThat(nodes.get(edge.from()).column()).as(edge.toString()).isLessThan(nodes.get(edge.to()).column());
    }
    assertThat(graph.edges()).filteredOn(edge -> edge.from().equals("earlier")).hasSize(1);
  }

  @Test
  void a_graph_a_hundred_thousand_ops_deep_traces_without_recursion() {
    Value y = Value.of(1.0);
    for (int i = 0; i < 100_000; i++) {
      y = y.mul(1.0);
    }

    ValueGraph graph = ValueGraph.trace(y);

    assertThat(graph.valueCount()).isEqualTo(100_001);
    assertThat(graph.drawnValueCount()).isEqualTo(GraphLimits.DEFAULT.layers() - 1);
  }

  @Test
  void a_leaf_traced_alone_is_the_output() {
    ValueGraph graph = ValueGraph.trace(Value.of(4.0));

    assertThat(graph.nodes()).containsExactly(new ValueNode("v0", ValueRole.OUTPUT, "", 4.0, 0.0, 0));
    assertThat(graph.edges()).isEmpty();
  }

  @Test
  void only_a_leaf_can_be_a_parameter_and_only_an_op_can_have_op_text() {
    Value leaf = Value.of(1.0);
    Value sum = leaf.add(1.0);

    assertThatThrownBy(() -> GraphLabels.builder().parameter(sum, "s")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter 's' is the output of '+', not a leaf; only leaves made by Value.of are parameters.");
    assertThatThrownBy(() -> GraphLabels.builder().op(leaf, "^2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op text '^2' given for a leaf, which no op made; name it with name() instead.");
    assertThatThrownBy(() -> GraphLabels.builder().name(leaf, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, was ' '");
  }

  @Test
  void limits_below_two_are_refused() {
    assertThatThrownBy(() -> new GraphLimits(1, 10)).hasMessage(
        "valuesPerLayer must be >= 2 (one value and one '… more' node), was 1");
    assertThatThrownBy(() -> new GraphLimits(10, 1)).hasMessage(
        "layers must be >= 2 (the output and what made it), was 1");
  }

  @Test
  void label_numbers_have_four_decimals_or_four_digits_in_scientific_notation() {
    assertThat(LabelNumbers.format(0.70710678)).isEqualTo("0.7071");
    assertThat(LabelNumbers.format(-1.5)).isEqualTo("-1.5000");
    assertThat(LabelNumbers.format(-0.0)).isEqualTo("0.0000");
    assertThat(LabelNumbers.format(3.125e-7)).isEqualTo("3.125e-07");
    assertThat(LabelNumbers.format(1_250_000)).isEqualTo("1.250e+06");
    assertThat(LabelNumbers.format(Double.NaN)).isEqualTo("NaN");
    assertThat(LabelNumbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }
}
