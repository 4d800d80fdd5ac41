package dev.retrograd.autograd.graph;

import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.graph.GraphNode.MergedNode;
import dev.retrograd.autograd.graph.GraphNode.OpNode;
import dev.retrograd.autograd.graph.GraphNode.ValueNode;
import dev.retrograd.autograd.graph.GraphNode.ValueRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link Value} graph as a picture shows it, micrograd's {@code draw_dot} way: one node per value
 * with its name, data and gradient, and one small node per op between the op's inputs and its value.
 *
 * <pre>{@code
 * Value out = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
 * out.backward();
 * ValueGraph graph = ValueGraph.trace(out, GraphLabels.builder().name(x1, "x1").parameter(w1, "w1").build());
 * Files.writeString(Path.of("neuron.dot"), graph.toDot());   // then: dot -Tsvg neuron.dot > neuron.svg
 * }</pre>
 *
 * <p><b>The numbers are those the values held when the graph was traced</b>; trace after
 * {@code backward()} to see the gradients. The trace follows {@link Value#inputs()} from the output,
 * without recursion.
 *
 * <p>Layers: an op's value sits one layer after the latest of its inputs (layer 1 when all its
 * inputs are leaves), and a leaf one layer before the first op that uses it. Value layer k is
 * column 2k and its op nodes column 2k − 1, so every edge runs left to right. A graph larger than
 * its {@link GraphLimits} merges the values it leaves out into "… more" nodes and says so in
 * {@link #note()}.
 */
public final class ValueGraph {

  /**
   * The {@link Value#op()} names of the primitive ops, one or two inputs each; any other op (sum,
   * dot, neuron, a loss or another {@code Value.fused} node) is fused and drawn with its arity.
   */
  private static final Set<String> PRIMITIVE_OPS = Set.of(
      "+", "-", "*", "/", "pow", "neg", "exp", "log", "sqrt", "tanh", "sigmoid", "relu", "abs", "apply");

  private static final String EARLIER = "earlier";

  private final List<GraphNode> nodes;
  private final List<GraphEdge> edges;
  private final int valueCount;
  private final int drawnValueCount;
  private final String note;

  private ValueGraph(List<GraphNode> nodes, List<GraphEdge> edges, int valueCount, int drawnValueCount,
      String note) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
    this.valueCount = valueCount;
    this.drawnValueCount = drawnValueCount;
    this.note = note;
  }

  /** Traces the graph of {@code output} with no names, within the {@link GraphLimits#DEFAULT} limits. */
  public static ValueGraph trace(Value output) {
    return trace(output, GraphLabels.none(), GraphLimits.DEFAULT);
  }

  /** Traces the graph of {@code output} with these names, within the {@link GraphLimits#DEFAULT} limits. */
  public static ValueGraph trace(Value output, GraphLabels labels) {
    return trace(output, labels, GraphLimits.DEFAULT);
  }

  /** Traces the graph of {@code output}: every value it depends on, named by {@code labels}, within {@code limits}. */
  public static ValueGraph trace(Value output, GraphLabels labels, GraphLimits limits) {
    return new Tracer(output, labels, limits).graph();
  }

  /** Returns the nodes: values and their op nodes in breadth-first order from the output, then merged nodes. */
  public List<GraphNode> nodes() {
    return nodes;
  }

  /** Returns the edges, each once, from inputs to ops and from ops to their values. */
  public List<GraphEdge> edges() {
    return edges;
  }

  /** Returns the number of values in the whole graph, drawn or not. */
  public int valueCount() {
    return valueCount;
  }

  /** Returns the number of values drawn as value nodes. */
  public int drawnValueCount() {
    return drawnValueCount;
  }

  /**
   * Returns what the limits left out, such as {@code Showing 23 of 4,142 values: layers of more than
   * 12 values show 11 and merge the rest into one '… more values' node.}; "" when everything is drawn.
   */
  public String note() {
    return note;
  }

  /** Returns the value nodes, in the order of {@link #nodes()}. */
  public List<ValueNode> valueNodes() {
    return nodes.stream().filter(ValueNode.class::isInstance).map(ValueNode.class::cast).toList();
  }

  /**
   * Returns the graph as Graphviz DOT text, left to right: values as record nodes
   * {@code { name | data 0.7071 | grad 1.0000 }} filled by role, ops as small ellipses, the note as
   * the graph's label. {@code dot -Tsvg} and {@code dot -Tpng} render it.
   */
  public String toDot() {
    return DotWriter.write(this);
  }

  /** Traces one graph: discovers its values, puts them in layers, applies the limits, makes the nodes. */
  private static final class Tracer {

    private final GraphLabels labels;
    private final GraphLimits limits;
    /** The values in breadth-first order from the output, which is value 0. */
    private final List<Value> values = new ArrayList<>();
    private final List<int[]> inputsOf = new ArrayList<>();
    private int[] layer;
    /** How each value is drawn: its own id, or the id of the merged node it went into. */
    private String[] drawnAs;

    Tracer(Value output, GraphLabels labels, GraphLimits limits) {
      this.labels = labels;
      this.limits = limits;
      discover(output);
      assignLayers();
    }

    private void discover(Value output) {
      Map<Value, Integer> index = new IdentityHashMap<>();
      index.put(output, 0);
      values.add(output);
      for (int k = 0; k < values.size(); k++) {
        List<Value> inputs = values.get(k).inputs();
        int[] ids = new int[inputs.size()];
        for (int j = 0; j < ids.length; j++) {
          Value input = inputs.get(j);
          Integer known = index.get(input);
          if (known == null) {
            known = values.size();
            index.put(input, known);
            values.add(input);
          }
          ids[j] = known;
        }
        inputsOf.add(ids);
      }
    }

    private boolean isOp(int i) {
      return !values.get(i).isLeaf();
    }

    /** Ops one layer after their latest input; leaves one layer before their first user. */
    private void assignLayers() {
      int n = values.size();
      layer = new int[n];
      for (int i : postorder()) {
        if (isOp(i)) {
          int latest = 0;
          for (int input : inputsOf.get(i)) {
            latest = Math.max(latest, isOp(input) ? layer[input] : 0);
          }
          layer[i] = latest + 1;
        }
      }
      int[] firstUser = new int[n];
      Arrays.fill(firstUser, Integer.MAX_VALUE);
      for (int i = 0; i < n; i++) {
        for (int input : inputsOf.get(i)) {
          firstUser[input] = Math.min(firstUser[input], layer[i]);
        }
      }
      for (int i = 0; i < n; i++) {
        if (!isOp(i)) {
          layer[i] = firstUser[i] == Integer.MAX_VALUE ? 0 : firstUser[i] - 1;
        }
      }
    }

    /** Returns the values with each one after all of its inputs, by an iterative depth-first search. */
    private int[] postorder() {
      int n = values.size();
      int[] order = new int[n];
      int size = 0;
      boolean[] seen = new boolean[n];
      int[] stack = new int[n];
      int[] next = new int[n];
      int depth = 0;
      stack[depth++] = 0;
      seen[0] = true;
      while (depth > 0) {
        int node = stack[depth - 1];
        int[] inputs = inputsOf.get(node);
        if (next[depth - 1] < inputs.length) {
          int input = inputs[next[depth - 1]++];
          if (!seen[input]) {
            seen[input] = true;
            stack[depth] = input;
            next[depth] = 0;
            depth++;
          }
        } else {
          depth--;
          order[size++] = node;
        }
      }
      return order;
    }

    ValueGraph graph() {
      int n = values.size();
      drawnAs = new String[n];
      int firstDrawnLayer = capLayers();
      mergeCrowdedLayers();
      List<GraphNode> nodes = new ArrayList<>();
      Set<GraphEdge> edges = new LinkedHashSet<>();
      int drawn = 0;
      for (int i = 0; i < n; i++) {
        if (!isDrawn(i)) {
          continue;
        }
        drawn++;
        Value value = values.get(i);
        ValueRole role = i == 0 ? ValueRole.OUTPUT
            : !isOp(i) ? (labels.isParameter(value) ? ValueRole.PARAMETER : ValueRole.LEAF) : ValueRole.INTERIOR;
        nodes.add(new ValueNode(drawnAs[i], role, labels.name(value), value.data(), value.grad(), 2 * layer[i]));
        if (isOp(i)) {
          String op = "op" + i;
          nodes.add(new OpNode(op, labels.op(value), inputsOf.get(i).length, !PRIMITIVE_OPS.contains(value.op()),
              2 * layer[i] - 1));
          edges.add(new GraphEdge(op, drawnAs[i]));
        }
      }
      for (int i = 0; i < n; i++) {
        String into = isDrawn(i) ? "op" + i : drawnAs[i];
        if (into.equals(EARLIER)) {
          continue;  // all of its inputs are merged into it too, but leaves that later ops use as well
        }
        for (int input : inputsOf.get(i)) {
          if (!drawnAs[input].equals(into)) {
            edges.add(new GraphEdge(drawnAs[input], into));
          }
        }
      }
      List<String> notes = new ArrayList<>();
      addMergedNodes(nodes, firstDrawnLayer, notes);
      String note = notes.isEmpty() ? "" : String.format(Locale.ROOT, "Showing %,d of %,d values: %s.", drawn, n,
          String.join("; ", notes));
      return new ValueGraph(nodes, new ArrayList<>(edges), n, drawn, note);
    }

    private boolean isDrawn(int i) {
      return drawnAs[i].equals("v" + i);
    }

    /**
     * Keeps the last {@code limits.layers()} layers: ops from layer {@code first} on, and the leaves
     * they use (moved up to layer {@code first − 1} if an earlier op used them first); merges every
     * other value into one node. Returns {@code first}, 0 when nothing is cut.
     */
    private int capLayers() {
      int n = values.size();
      int lastLayer = layer[0];
      int first = lastLayer + 1 > limits.layers() ? lastLayer - limits.layers() + 2 : 0;
      boolean[] usedLate = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (layer[i] >= first) {
          for (int input : inputsOf.get(i)) {
            usedLate[input] = true;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        boolean kept = isOp(i) ? layer[i] >= first : i == 0 || usedLate[i];
        drawnAs[i] = kept ? "v" + i : EARLIER;
        if (kept && !isOp(i) && first > 0) {
          layer[i] = Math.max(layer[i], first - 1);
        }
      }
      return first;
    }

    /** Keeps the first {@code valuesPerLayer − 1} values of a crowded layer, breadth-first, and merges the rest. */
    private void mergeCrowdedLayers() {
      Map<Integer, Integer> kept = new HashMap<>();
      Map<Integer, Integer> total = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        if (isDrawn(i)) {
          total.merge(layer[i], 1, Integer::sum);
        }
      }
      for (int i = 0; i < values.size(); i++) {
        if (isDrawn(i) && total.get(layer[i]) > limits.valuesPerLayer()) {
          int count = kept.merge(layer[i], 1, Integer::sum);
          if (count > limits.valuesPerLayer() - 1) {
            drawnAs[i] = "more" + layer[i];
          }
        }
      }
    }

    private void addMergedNodes(List<GraphNode> nodes, int firstDrawnLayer, List<String> notes) {
      Map<String, Integer> counts = new TreeMap<>();
      for (String id : drawnAs) {
        if (!id.startsWith("v")) {
          counts.merge(id, 1, Integer::sum);
        }
      }
      Integer earlier = counts.remove(EARLIER);
      if (earlier != null) {
        nodes.add(new MergedNode(EARLIER, String.format(Locale.ROOT, "… %,d earlier values", earlier), earlier,
            2 * (firstDrawnLayer - 1)));
        notes.add(String.format(Locale.ROOT, "only the last %d of %d layers are drawn, the %,d values before them"
            + " merged into one node", layer[0] - firstDrawnLayer + 2, layer[0] + 1, earlier));
      }
      counts.entrySet().stream()
          .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(id -> Integer.parseInt(id.substring(4)))))
          .forEach(entry -> nodes.add(new MergedNode(entry.getKey(),
              String.format(Locale.ROOT, "… %,d more values", entry.getValue()), entry.getValue(),
              2 * Integer.parseInt(entry.getKey().substring(4)))));
      if (!counts.isEmpty()) {
        notes.add(String.format(Locale.ROOT, "layers of more than %d values show %d of them and merge the rest into"
            + " one '… more values' node", limits.valuesPerLayer(), limits.valuesPerLayer() - 1));
      }
    }
  }
}
