package dev.retrograd.autograd.graph;

import dev.retrograd.autograd.graph.GraphNode.MergedNode;
import dev.retrograd.autograd.graph.GraphNode.OpNode;
import dev.retrograd.autograd.graph.GraphNode.ValueNode;
import dev.retrograd.autograd.graph.GraphNode.ValueRole;

/**
 * Writes a {@link ValueGraph} as Graphviz DOT text, as micrograd's {@code draw_dot} does: left to
 * right, values as {@code record} nodes, ops as small ellipses.
 *
 * <p>Every ID is letters and digits; every label is a double-quoted string with {@code "} and
 * {@code \} escaped, and a record's fields also escape {@code { } | < >}, which the record shape
 * reads as structure.
 */
final class DotWriter {

  /** The fill of op nodes and merged nodes. */
  static final String OP_FILL = "#eeeeee";

  private DotWriter() {}

  static String write(ValueGraph graph) {
    StringBuilder dot = new StringBuilder("digraph retrograd {\n");
    dot.append("  graph [rankdir=LR, bgcolor=\"white\", fontname=\"Helvetica\", fontsize=11");
    if (!graph.note().isEmpty()) {
      dot.append(", labelloc=b, labeljust=l, label=").append(quoted(graph.note()));
    }
    dot.append("];\n");
    dot.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
    dot.append("  edge [color=\"#555555\", arrowsize=0.7];\n");
    for (GraphNode node : graph.nodes()) {
      dot.append("  ").append(node.id()).append(" [").append(attributes(node)).append("];\n");
    }
    for (GraphEdge edge : graph.edges()) {
      dot.append("  ").append(edge.from()).append(" -> ").append(edge.to()).append(";\n");
    }
    return dot.append("}\n").toString();
  }

  private static String attributes(GraphNode node) {
    if (node instanceof ValueNode value) {
      String fields = (value.name().isEmpty() ? "" : field(value.name()) + " | ")
          + "data " + LabelNumbers.format(value.data()) + " | grad " + LabelNumbers.format(value.grad());
      String style = value.role() == ValueRole.OUTPUT ? "filled,bold" : "filled";
      return "shape=record, style=\"" + style + "\", fillcolor=\"" + value.role().fill() + "\", label=\"{ "
          + fields + " }\"";
    }
    if (node instanceof OpNode op) {
      String text = op.fused() ? op.text() + "\n" + op.arityText() : op.text();
      return "shape=ellipse, style=filled, fillcolor=\"" + OP_FILL + "\", margin=\"0.04,0.02\", height=0.3, label="
          + quoted(text);
    }
    MergedNode merged = (MergedNode) node;
    return "shape=box, style=\"dashed,rounded,filled\", fillcolor=\"" + OP_FILL + "\", label=" + quoted(merged.text());
  }

  /**
   * Returns {@code text} as one field of a record label: {@code { } | < >}, which the record shape
   * reads as structure, and {@code \} get a backslash; {@code "} is escaped for the quoted string.
   */
  private static String field(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("{}|<>\\\"".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c == '\n' ? ' ' : c);
    }
    return escaped.toString();
  }

  /** Returns {@code text} as a DOT double-quoted string: {@code \} and {@code "} escaped, a line break as {@code \n}. */
  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        quoted.append("\\n");
      } else {
        if (c == '"' || c == '\\') {
          quoted.append('\\');
        }
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
