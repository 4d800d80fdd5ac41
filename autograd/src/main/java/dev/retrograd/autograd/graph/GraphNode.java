package dev.retrograd.autograd.graph;

/**
 * A node of a {@link ValueGraph}: a value, the op that made a value, or several values merged into one
 * by the {@link GraphLimits}. Every node has a unique {@link #id()}, a valid Graphviz ID, and a
 * {@link #column()}: its layer from left (inputs) to right (the output); every edge goes from a lower
 * column to a higher one.
 */
public sealed interface GraphNode permits GraphNode.ValueNode, GraphNode.OpNode, GraphNode.MergedNode {

  /** Returns the node's id, such as {@code v3} or {@code op3}: letters and digits, unique in its graph. */
  String id();

  /** Returns the layer, 0 for the leftmost. */
  int column();

  /**
   * A value with its numbers, as the graph held them when it was traced.
   *
   * @param id the id, {@code v} and a number
   * @param role a leaf, a parameter, an interior value, or the output
   * @param name its name from {@link GraphLabels}, "" if none
   * @param data its {@code data()}
   * @param grad its {@code grad()}
   * @param column its layer
   */
  record ValueNode(String id, ValueRole role, String name, double data, double grad, int column)
      implements GraphNode {}

  /**
   * The op that made a value, drawn between the op's inputs and the value.
   *
   * @param id the id, {@code op} and the number of its value
   * @param text the op's text: its {@code op()} ({@code +}, {@code tanh}, {@code neuron}, …) or the
   *     text given in {@link GraphLabels}
   * @param arity the number of inputs
   * @param fused whether the op is one node over many inputs, drawn with its arity: a sum, a dot
   *     product, a neuron f(w·x + b), a loss or any other {@code Value.fused} node
   * @param column its layer, just before its value's
   */
  record OpNode(String id, String text, int arity, boolean fused, int column) implements GraphNode {

    /** Returns the arity as a picture shows it under a fused op: {@code 1 input}, {@code 5 inputs}. */
    public String arityText() {
      return arity + (arity == 1 ? " input" : " inputs");
    }
  }

  /**
   * Values left out by the {@link GraphLimits}, drawn as one node.
   *
   * @param id the id
   * @param text what it stands for, such as {@code … 37 more values}
   * @param count how many values it stands for
   * @param column its layer
   */
  record MergedNode(String id, String text, int count, int column) implements GraphNode {}

  /** What a value is to its graph; pictures fill each with its own color. */
  enum ValueRole {
    /** A leaf that is not a parameter: an input or a constant. Light blue. */
    LEAF("#dbe9f6"),
    /** A leaf named a parameter in {@link GraphLabels}: what an optimizer updates. Light orange. */
    PARAMETER("#fde2c4"),
    /** The output of an op, other than the output of the graph. White. */
    INTERIOR("#ffffff"),
    /** The value the graph was traced from, such as the loss. Light green, with a bold outline. */
    OUTPUT("#c9eac2");

    private final String fill;

    ValueRole(String fill) {
      this.fill = fill;
    }

    /** Returns the fill color as {@code #rrggbb}, the same in DOT text and in pictures. */
    public String fill() {
      return fill;
    }
  }
}
