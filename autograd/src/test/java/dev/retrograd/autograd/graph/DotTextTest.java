package dev.retrograd.autograd.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.autograd.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DOT text, checked against DOT's grammar by {@link DotSyntax}: no Graphviz needed. */
class DotTextTest {

  static Value neuron(GraphLabels.Builder labels) {
    Value x1 = Value.of(2.0);
    Value x2 = Value.of(0.0);
    Value w1 = Value.of(-3.0);
    Value w2 = Value.of(1.0);
    Value b = Value.of(6.8813735870195432);
    Value o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
    o.backward();
    labels.name(x1, "x1").name(x2, "x2").parameter(w1, "w1").parameter(w2, "w2").parameter(b, "b").name(o, "o");
    return o;
  }

  @Test
  void the_neuron_is_a_left_to_right_digraph_of_records_and_ellipses() {
    GraphLabels.Builder labels = GraphLabels.builder();
    Value o = neuron(labels);

    DotSyntax.Graph dot = DotSyntax.parse(ValueGraph.trace(o, labels.build()).toDot());

    assertThat(dot.directed()).isTrue();
    assertThat(dot.graphAttributes()).containsEntry("rankdir", "LR");
    assertThat(dot.nodes()).hasSize(15);
    assertThat(dot.edges()).hasSize(14);
    Map<String, String> output = dot.nodes().get("v0").attributes();
    assertThat(output).containsEntry("shape", "record").containsEntry("style", "filled,bold")
        .containsEntry("label", "{ o | data 0.7071 | grad 1.0000 }");
    assertThat(dot.nodes().get("op0").attributes()).containsEntry("shape", "ellipse").containsEntry("label", "tanh");
    assertThat(dot.nodes().values()).extracting(node -> node.attributes().get("label")).contains(
        "{ x1 | data 2.0000 | grad -1.5000 }", "{ w1 | data -3.0000 | grad 1.0000 }",
        "{ x2 | data 0.0000 | grad 0.5000 }", "{ w2 | data 1.0000 | grad 0.0000 }",
        "{ b | data 6.8814 | grad 0.5000 }", "{ data -6.0000 | grad 0.5000 }");
  }

  @Test
  void leaves_parameters_and_the_output_have_fills_of_their_own() {
    GraphLabels.Builder labels = GraphLabels.builder();
    DotSyntax.Graph dot = DotSyntax.parse(ValueGraph.trace(neuron(labels), labels.build()).toDot());

    Map<String, String> fillByLabelStart = new HashMap<>();
    dot.nodes().values().forEach(node -> fillByLabelStart.put(
        node.attributes().get("label").split(" \\|")[0], node.attributes().get("fillcolor")));
    assertThat(fillByLabelStart).containsEntry("{ x1", "#dbe9f6").containsEntry("{ w1", "#fde2c4")
        .containsEntry("{ o", "#c9eac2").containsEntry("{ data -6.0000", "#ffffff");
    assertThat(List.of("#dbe9f6", "#fde2c4", "#c9eac2", "#ffffff")).doesNotHaveDuplicates();
  }

  @Test
  void names_with_record_characters_quotes_and_backslashes_are_escaped() {
    Value a = Value.of(1.0);
    Value c = a.mul(2.0);
    GraphLabels labels = GraphLabels.builder().name(a, "a{1}|<p> \"q\" \\ n").op(c, "times \"two\"\n\\").build();

    String text = ValueGraph.trace(c, labels).toDot();
    DotSyntax.Graph dot = DotSyntax.parse(text);

    assertThat(dot.nodes().get("v1").attributes().get("label"))
        .isEqualTo("{ a\\{1\\}\\|\\<p\\> \"q\" \\\\ n | data 1.0000 | grad 0.0000 }");
    assertThat(dot.nodes().get("op0").attributes().get("label")).isEqualTo("times \"two\"\\n\\\\");
  }

  @Test
  void fused_ops_show_their_arity_on_a_second_line() {
    Value dot = Value.dot(new Value[] {Value.of(1), Value.of(2)}, new Value[] {Value.of(3), Value.of(4)}, Value.of(5));

    DotSyntax.Graph graph = DotSyntax.parse(ValueGraph.trace(dot).toDot());

    assertThat(graph.nodes().get("op0").attributes()).containsEntry("label", "dot\\n5 inputs");
  }

  @Test
  void a_merged_graph_carries_its_note_as_the_graph_label() {
    Value[] terms = new Value[30];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = Value.of(i);
    }

    DotSyntax.Graph dot = DotSyntax.parse(ValueGraph.trace(Value.sum(terms), GraphLabels.none(),
        new GraphLimits(5, 10)).toDot());

    assertThat(dot.graphAttributes()).containsEntry("label", "Showing 5 of 31 values: layers of more than 5 values"
        + " show 4 of them and merge the rest into one '… more values' node.").containsEntry("labelloc", "b");
    assertThat(dot.nodes().get("more0").attributes()).containsEntry("label", "… 26 more values")
        .containsEntry("shape", "box");
    assertThat(dot.edges()).contains(new DotSyntax.Edge("more0", "op0"));
  }

  @Test
  void the_syntax_check_fails_on_broken_text() {
    assertThatThrownBy(() -> DotSyntax.parse("digraph g {\n  a -> b;\n  a [label=\"x];\n}\n"))
        .hasMessage("DOT syntax error at line 3, column 12: a quoted string is never closed");
    assertThatThrownBy(() -> DotSyntax.parse("digraph g { a; a -> b; }"))
        .hasMessage("edge Edge[from=a, to=b] names node 'b', which no node statement declares");
    assertThatThrownBy(() -> DotSyntax.parse("digraph g { a [shape=record, label=\"{ x | y\"]; }"))
        .hasMessage("record label of a leaves a brace open: { x | y");
    assertThatThrownBy(() -> DotSyntax.parse("digraph g { a; b; a -- b; }"))
        .hasMessage("DOT syntax error at line 1, column 21: '--' in a digraph; edges are '->'");
  }
}
