package dev.retrograd.autograd;

import dev.retrograd.api.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a graph of {@link Value}s into a {@link CompiledGraph}: orders its ops as
 * {@link Value#backward()} would, finds the chains of binary add and mul that form a weighted sum,
 * lays out the slots, and writes the op codes.
 */
final class GraphCompiler {

  private final Value output;
  private final Set<Value> withoutGradient = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The ops the output depends on, each after its inputs, in the order backward() would walk them reversed. */
  private Value[] ops;
  private final Map<Value, Integer> position = new IdentityHashMap<>();
  private final Map<Value, Integer> readers = new IdentityHashMap<>();
  /** The chains found, by their last add. */
  private final Map<Value, Chain> chains = new IdentityHashMap<>();
  /** The intermediate nodes of the chains: fused, so they get no op and no slot. */
  private final Set<Value> fusedAway = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Value, Integer> leafIndex = new IdentityHashMap<>();
  private final List<Value> leafList = new ArrayList<>();
  private final Map<Value, Integer> innerIndex = new IdentityHashMap<>();
  private final List<Value> innerList = new ArrayList<>();

  private int[] code = new int[64];
  private int codeSize;
  private double[] constants = new double[16];
  private int constantCount;
  private final List<Activation> activations = new ArrayList<>();
  private final List<CompiledGraph.LossNode> losses = new ArrayList<>();
  private final IdentityHashMap<Value, CompiledGraph.LossNode> lossNodes = new IdentityHashMap<>();
  private int preActivations;

  GraphCompiler(Value output, Collection<Value> inputsWithoutGradient) {
    if (output.isUntracked()) {
      throw new IllegalStateException("compile needs a graph, but this value ('" + output.op() + "', data "
          + output.data() + ") was computed inside a Value.noGrad() scope, which records none. Compute it outside"
          + " the scope to compile it.");
    }
    for (Value input : inputsWithoutGradient) {
      if (!input.isLeaf()) {
        throw new IllegalArgumentException("Only leaves can be inputs without gradient; got " + input
            + ". Pass the leaves made by Value.of that you set with setData.");
      }
      withoutGradient.add(input);
    }
    this.output = output;
  }

  /** A sum of terms built from binary ops: term k is a[k]·b[k], or a[k] when b[k] is null. */
  private record Chain(Value root, Value[] a, Value[] b, int first, int last, Set<Value> members) {}

  CompiledGraph compile() {
    ops = topologicalOps(output);
    for (int i = 0; i < ops.length; i++) {
      position.put(ops[i], i);
      Value op = ops[i];
      for (int k = 0; k < op.inputCount(); k++) {
        readers.merge(op.input(k), 1, Integer::sum);
      }
    }
    readers.merge(output, 1, Integer::sum);
    findChains();
    layOut();
    int leaves = leafList.size();
    int slots = leaves + innerList.size();
    List<Integer> starts = new ArrayList<>();
    for (Value op : ops) {
      if (!fusedAway.contains(op)) {
        starts.add(codeSize);
        emit(op, slots);
      }
    }
    mergeLayers(starts);
    mergeBatches(starts);
    double[] values = new double[slots + preActivations];
    IdentityHashMap<Value, Integer> slotOf = new IdentityHashMap<>();
    boolean[] takesGradient = new boolean[leaves];
    for (int i = 0; i < leaves; i++) {
      Value leaf = leafList.get(i);
      values[i] = leaf.data();
      slotOf.put(leaf, i);
      takesGradient[i] = !withoutGradient.contains(leaf);
    }
    for (int i = 0; i < innerList.size(); i++) {
      Value node = innerList.get(i);
      values[leaves + i] = node.data();
      slotOf.put(node, leaves + i);
    }
    return new CompiledGraph(leafList.toArray(new Value[0]), takesGradient, values, Arrays.copyOf(code, codeSize),
        starts.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(constants, constantCount),
        activations.toArray(new Activation[0]), losses.toArray(new CompiledGraph.LossNode[0]), slot(output),
        slotOf, lossNodes);
  }

  // ---- the order -------------------------------------------------------------------------------

  /**
   * Returns the ops {@code root} depends on, each after its inputs: the thread's record of ops when
   * it holds them (what backward() walks right after a forward pass), otherwise the iterative
   * depth-first order of {@link TopologicalOrder}, without its claims.
   */
  private static Value[] topologicalOps(Value root) {
    if (!root.hasGraph()) {
      return new Value[0];
    }
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Value> order = new ArrayList<>();
    List<Value> path = new ArrayList<>();
    List<Integer> nextInput = new ArrayList<>();
    seen.add(root);
    path.add(root);
    nextInput.add(0);
    while (!path.isEmpty()) {
      int top = path.size() - 1;
      Value node = path.get(top);
      int i = nextInput.get(top);
      int count = node.inputCount();
      while (i < count && (!node.input(i).hasGraph() || seen.contains(node.input(i)))) {
        i++;
      }
      if (i < count) {
        nextInput.set(top, i + 1);
        Value input = node.input(i);
        seen.add(input);
        path.add(input);
        nextInput.add(0);
      } else {
        path.remove(top);
        nextInput.remove(top);
        order.add(node);
      }
    }
    Value[] recorded = root.recordedOrder();
    if (recorded == null) {
      return order.toArray(new Value[0]);
    }
    List<Value> onTape = new ArrayList<>(order.size());
    for (Value op : recorded) {
      if (seen.contains(op)) {
        onTape.add(op);
      }
    }
    return onTape.size() == order.size() ? onTape.toArray(new Value[0]) : order.toArray(new Value[0]);
  }

  // ---- fusion of add/mul chains ----------------------------------------------------------------

  /**
   * Finds, from the last op back, each chain of binary adds whose intermediate sums and products
   * nothing else reads, and keeps it when its nodes are consecutive in the order (then replaying
   * them as one op gives every gradient its contributions in the same order).
   */
  private void findChains() {
    for (int p = ops.length - 1; p >= 0; p--) {
      Value root = ops[p];
      if (fusedAway.contains(root) || !isBinary(root, Value.BinaryOp.ADD)) {
        continue;
      }
      List<Value> members = new ArrayList<>();
      members.add(root);
      List<Value> termsBackwards = new ArrayList<>();
      Value.Binary current = (Value.Binary) root;
      while (true) {
        Value continuation = null;
        Value term = null;
        if (isInnerAdd(current.left)) {
          continuation = current.left;
          term = current.right;
        } else if (isInnerAdd(current.right)) {
          continuation = current.right;
          term = current.left;
        }
        if (continuation == null) {
          termsBackwards.add(current.right);
          termsBackwards.add(current.left);
          break;
        }
        termsBackwards.add(term);
        members.add(continuation);
        current = (Value.Binary) continuation;
      }
      Collections.reverse(termsBackwards);
      int terms = termsBackwards.size();
      Value[] a = new Value[terms];
      Value[] b = new Value[terms];
      for (int k = 0; k < terms; k++) {
        Value term = termsBackwards.get(k);
        if (isInner(term) && isBinary(term, Value.BinaryOp.MUL)) {
          Value.Binary product = (Value.Binary) term;
          a[k] = product.left;
          b[k] = product.right;
          members.add(term);
        } else {
          a[k] = term;
        }
      }
      if (members.size() < 2) {
        continue;
      }
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (Value member : members) {
        int at = position.get(member);
        first = Math.min(first, at);
        last = Math.max(last, at);
      }
      if (last != p || last - first + 1 != members.size()) {
        continue;
      }
      Set<Value> memberSet = Collections.newSetFromMap(new IdentityHashMap<>());
      memberSet.addAll(members);
      chains.put(root, new Chain(root, a, b, first, last, memberSet));
      for (Value member : members) {
        if (member != root) {
          fusedAway.add(member);
        }
      }
    }
  }

  private static boolean isBinary(Value node, Value.BinaryOp op) {
    return node instanceof Value.Binary binary && binary.op == op;
  }

  /** Returns whether {@code node} is an op of this graph, not yet fused, read by one op only and not the output. */
  private boolean isInner(Value node) {
    return node != output && position.containsKey(node) && !fusedAway.contains(node) && !chains.containsKey(node)
        && readers.getOrDefault(node, 0) == 1;
  }

  private boolean isInnerAdd(Value node) {
    return isInner(node) && isBinary(node, Value.BinaryOp.ADD);
  }

  // ---- the layout ------------------------------------------------------------------------------

  /**
   * Gives every leaf and every op output a slot: leaves first, then the rest, each in the order the
   * ops first read them, a weighted sum's weights together, then its inputs together, so that the
   * weighted sums read consecutive slots; then whatever nothing reads (the output).
   */
  private void layOut() {
    for (Value op : ops) {
      if (fusedAway.contains(op)) {
        continue;
      }
      Chain chain = chains.get(op);
      if (chain != null) {
        for (int k = 0; k < chain.a.length; k++) {
          if (chain.b[k] != null) {
            place(chain.a[k]);
          }
        }
        for (Value term : chain.b) {
          if (term != null) {
            place(term);
          }
        }
        for (int k = 0; k < chain.a.length; k++) {
          if (chain.b[k] == null) {
            place(chain.a[k]);
          }
        }
      } else if (op instanceof Value.WeightedSum sum) {
        for (Value weight : sum.weights) {
          place(weight);
        }
        for (Value input : sum.inputs) {
          place(input);
        }
        if (sum.bias != null) {
          place(sum.bias);
        }
      } else {
        for (int k = 0; k < op.inputCount(); k++) {
          place(op.input(k));
        }
      }
    }
    for (Value op : ops) {
      if (!fusedAway.contains(op)) {
        place(op);
      }
    }
    place(output);
  }

  private void place(Value node) {
    if (node.isLeaf()) {
      if (!leafIndex.containsKey(node)) {
        leafIndex.put(node, leafList.size());
        leafList.add(node);
      }
    } else if (!innerIndex.containsKey(node)) {
      innerIndex.put(node, innerList.size());
      innerList.add(node);
    }
  }

  private int slot(Value node) {
    Integer leaf = leafIndex.get(node);
    return leaf != null ? leaf : leafList.size() + innerIndex.get(node);
  }

  // ---- the code --------------------------------------------------------------------------------

  private void emit(Value op, int slots) {
    Chain chain = chains.get(op);
    if (chain != null) {
      emitChain(chain);
    } else if (op instanceof Value.Unary unary) {
      add(CompiledGraph.UNARY + unary.op.ordinal(), slot(op), slot(unary.input), constant(unary.constant));
    } else if (op instanceof Value.Binary binary) {
      add(CompiledGraph.BINARY + binary.op.ordinal(), slot(op), slot(binary.left), slot(binary.right));
    } else if (op instanceof Value.Sum sum) {
      add(CompiledGraph.SUM, slot(op), sum.terms.length);
      for (Value term : sum.terms) {
        add(slot(term));
      }
    } else if (op instanceof Value.WeightedSum sum) {
      emitWeightedSum(slot(op), sum.weights, sum.inputs, sum.bias, sum.activation, slots);
    } else if (op instanceof Value.Fused fused) {
      if (fused.loss != null) {
        CompiledGraph.LossNode node = new CompiledGraph.LossNode(fused.loss, fused.target);
        lossNodes.put(op, node);
        losses.add(node);
        add(CompiledGraph.LOSS, slot(op), losses.size() - 1, fused.inputs.length);
      } else {
        int first = constant(fused.data());
        for (double local : fused.localGradients) {
          constant(local);
        }
        add(CompiledGraph.FUSED, slot(op), fused.inputs.length, first);
      }
      for (Value input : fused.inputs) {
        add(slot(input));
      }
    } else if (op instanceof Value.Applied applied) {
      activations.add(applied.activation);
      add(CompiledGraph.APPLIED, slot(op), slot(applied.input), activations.size() - 1);
    } else {
      throw new IllegalStateException("no compiled form for the op '" + op.op() + "'");
    }
  }

  /**
   * Emits a chain as a weighted sum when it is one (a first plain term, the bias, then products whose
   * factors sit in two separate runs of consecutive slots, so every target receives one contribution
   * and their order does not matter), otherwise as a chain op with its contributions listed in the
   * order the binary ops would make them.
   */
  private void emitChain(Chain chain) {
    int terms = chain.a.length;
    boolean weightedSum = terms >= 2 && chain.b[0] == null;
    for (int k = 1; k < terms && weightedSum; k++) {
      weightedSum = chain.b[k] != null && slot(chain.a[k]) == slot(chain.a[1]) + k - 1
          && slot(chain.b[k]) == slot(chain.b[1]) + k - 1;
    }
    if (weightedSum) {
      int n = terms - 1;
      int w = slot(chain.a[1]);
      int x = slot(chain.b[1]);
      int bias = slot(chain.a[0]);
      boolean disjoint = (w + n <= x || x + n <= w) && (bias < w || bias >= w + n) && (bias < x || bias >= x + n);
      if (disjoint) {
        add(CompiledGraph.DOT, slot(chain.root), -1, bias, -1, n);
        add(dotFlags(Arrays.copyOfRange(chain.a, 1, terms), Arrays.copyOfRange(chain.b, 1, terms), false), w, x);
        return;
      }
    }
    add(CompiledGraph.CHAIN, slot(chain.root), terms);
    for (int k = 0; k < terms; k++) {
      add(slot(chain.a[k]), chain.b[k] == null ? -1 : slot(chain.b[k]));
    }
    List<int[]> contributions = new ArrayList<>();
    for (int p = chain.last; p >= chain.first; p--) {
      Value.Binary node = (Value.Binary) ops[p];
      if (node.op == Value.BinaryOp.MUL) {
        contributions.add(new int[] {slot(node.left), slot(node.right)});
        contributions.add(new int[] {slot(node.right), slot(node.left)});
      } else {
        for (Value operand : new Value[] {node.left, node.right}) {
          if (!chain.members.contains(operand)) {
            contributions.add(new int[] {slot(operand), -1});
          }
        }
      }
    }
    add(contributions.size());
    for (int[] contribution : contributions) {
      add(contribution[0], contribution[1]);
    }
  }

  private void emitWeightedSum(int out, Value[] weights, Value[] inputs, Value bias, Activation activation,
      int slots) {
    int n = weights.length;
    int pre = -1;
    int activationIndex = -1;
    if (activation != null) {
      pre = slots + preActivations++;
      activations.add(activation);
      activationIndex = activations.size() - 1;
    }
    int biasSlot = bias == null ? -1 : slot(bias);
    boolean contiguous = n > 0;
    int w = n > 0 ? slot(weights[0]) : 0;
    int x = n > 0 ? slot(inputs[0]) : 0;
    for (int i = 1; i < n && contiguous; i++) {
      contiguous = slot(weights[i]) == w + i && slot(inputs[i]) == x + i;
    }
    if (contiguous) {
      boolean overlap = w < x + n && x < w + n;
      add(CompiledGraph.DOT, out, pre, biasSlot, activationIndex, n);
      add(dotFlags(weights, inputs, overlap), w, x);
    } else {
      add(CompiledGraph.DOT_INDEXED, out, pre, biasSlot, activationIndex, n);
      add(dotFlags(weights, inputs, true));
      for (Value weight : weights) {
        add(slot(weight));
      }
      for (Value input : inputs) {
        add(slot(input));
      }
    }
  }

  /**
   * Rewrites each run of two or more consecutive DOT ops over the same inputs (the same first input
   * slot, length, flags and activation, not interleaved) as one LAYER op: a layer's neurons, run one
   * after the other in the same order, with one dispatch. The backward pass walks them in reverse,
   * as it would the separate ops, so every gradient gets its contributions in the same order.
   */
  private void mergeLayers(List<Integer> starts) {
    int[] old = Arrays.copyOf(code, codeSize);
    List<Integer> oldStarts = new ArrayList<>(starts);
    code = new int[old.length];
    codeSize = 0;
    starts.clear();
    for (int k = 0; k < oldStarts.size(); ) {
      int first = oldStarts.get(k);
      int run = 1;
      while (k + run < oldStarts.size() && sameLayer(old, first, oldStarts.get(k + run))) {
        run++;
      }
      starts.add(codeSize);
      if (run == 1) {
        int end = k + 1 < oldStarts.size() ? oldStarts.get(k + 1) : old.length;
        add(Arrays.copyOfRange(old, first, end));
      } else {
        add(CompiledGraph.LAYER, run, old[first + 5], old[first + 8], old[first + 4], old[first + 6]);
        for (int j = 0; j < run; j++) {
          int dot = oldStarts.get(k + j);
          add(old[dot + 1], old[dot + 7], old[dot + 3], old[dot + 2]);
        }
      }
      k += run;
    }
  }

  /**
   * Rewrites each run of two or more consecutive LAYER ops with the same weights (the same neurons,
   * each with its first weight slot and bias slot; the same length, activation and flags) over the
   * inputs of different rows of a batch as one BATCH op, whose forward pass reads each neuron's
   * weights once for all rows instead of once per row. A row joins a run only when the gradients
   * cannot tell: its inputs are none of the run's outputs and share no slot with another row's
   * inputs, and the neurons share no weight or bias slot, so that the BATCH op's backward pass
   * (neurons last first, each over the rows last first) adds every gradient's contributions in the
   * order the separate LAYER ops add them (rows last first, each over its neurons last first).
   */
  private void mergeBatches(List<Integer> starts) {
    int[] old = Arrays.copyOf(code, codeSize);
    List<Integer> oldStarts = new ArrayList<>(starts);
    code = new int[old.length];
    codeSize = 0;
    starts.clear();
    for (int k = 0; k < oldStarts.size(); ) {
      int first = oldStarts.get(k);
      int run = 1;
      java.util.BitSet weights = old[first] == CompiledGraph.LAYER ? weightSlots(old, first) : null;
      java.util.BitSet written = new java.util.BitSet();
      java.util.BitSet read = new java.util.BitSet();
      if (weights != null && independentRow(old, first, weights, written, read)) {
        markRow(old, first, written, read);
        while (k + run < oldStarts.size() && sameWeights(old, first, oldStarts.get(k + run))
            && independentRow(old, oldStarts.get(k + run), weights, written, read)) {
          markRow(old, oldStarts.get(k + run), written, read);
          run++;
        }
      }
      starts.add(codeSize);
      if (run == 1) {
        int end = k + 1 < oldStarts.size() ? oldStarts.get(k + 1) : old.length;
        add(Arrays.copyOfRange(old, first, end));
      } else {
        int neurons = old[first + 1];
        add(CompiledGraph.BATCH, run, neurons, old[first + 2], old[first + 4], old[first + 5]);
        for (int j = 0; j < neurons; j++) {
          add(old[first + 6 + 4 * j + 1], old[first + 6 + 4 * j + 2]);
        }
        for (int r = 0; r < run; r++) {
          add(old[oldStarts.get(k + r) + 3]);
        }
        for (int r = 0; r < run; r++) {
          int layer = oldStarts.get(k + r);
          for (int j = 0; j < neurons; j++) {
            add(old[layer + 6 + 4 * j], old[layer + 6 + 4 * j + 3]);
          }
        }
      }
      k += run;
    }
  }

  /**
   * Returns the weight and bias slots of the LAYER op at {@code at}, or null when two neurons share
   * one (their gradients' contributions would then depend on the order of neurons and rows).
   */
  private static java.util.BitSet weightSlots(int[] code, int at) {
    int neurons = code[at + 1];
    int n = code[at + 2];
    java.util.BitSet used = new java.util.BitSet();
    for (int j = 0; j < neurons; j++) {
      int w = code[at + 6 + 4 * j + 1];
      int bias = code[at + 6 + 4 * j + 2];
      if (!used.get(w, w + n).isEmpty()) {
        return null;
      }
      used.set(w, w + n);
      if (bias >= 0) {
        if (used.get(bias)) {
          return null;
        }
        used.set(bias);
      }
    }
    return used;
  }

  /** Returns whether the LAYER ops at {@code first} and {@code other} run the same neurons: weights, biases, length, activation, flags. */
  private boolean sameWeights(int[] code, int first, int other) {
    if (code[other] != CompiledGraph.LAYER || code[first + 1] != code[other + 1] || code[first + 2] != code[other + 2]
        || code[first + 5] != code[other + 5]) {
      return false;
    }
    int activation = code[first + 4];
    int otherActivation = code[other + 4];
    boolean sameActivation = activation < 0 ? otherActivation < 0
        : otherActivation >= 0 && activations.get(activation) == activations.get(otherActivation);
    if (!sameActivation) {
      return false;
    }
    for (int j = 0; j < code[first + 1]; j++) {
      int a = first + 6 + 4 * j;
      int b = other + 6 + 4 * j;
      if (code[a + 1] != code[b + 1] || code[a + 2] != code[b + 2]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether the LAYER op at {@code at} reads no slot the run wrote, no weight, and no input
   * another row of the run reads.
   */
  private static boolean independentRow(int[] code, int at, java.util.BitSet weights, java.util.BitSet written,
      java.util.BitSet read) {
    int x = code[at + 3];
    int n = code[at + 2];
    return written.get(x, x + n).isEmpty() && read.get(x, x + n).isEmpty() && weights.get(x, x + n).isEmpty();
  }

  /** Marks the outputs the LAYER op at {@code at} writes and the inputs it reads. */
  private static void markRow(int[] code, int at, java.util.BitSet written, java.util.BitSet read) {
    int x = code[at + 3];
    read.set(x, x + code[at + 2]);
    for (int j = 0; j < code[at + 1]; j++) {
      written.set(code[at + 6 + 4 * j]);
      int pre = code[at + 6 + 4 * j + 3];
      if (pre >= 0) {
        written.set(pre);
      }
    }
  }

  /** Returns whether the ops at {@code first} and {@code other} are DOT ops of one layer. */
  private boolean sameLayer(int[] code, int first, int other) {
    if (code[first] != CompiledGraph.DOT || code[other] != CompiledGraph.DOT
        || (code[first + 6] & CompiledGraph.INTERLEAVED) != 0) {
      return false;
    }
    int activation = code[first + 4];
    int otherActivation = code[other + 4];
    boolean sameActivation = activation < 0 ? otherActivation < 0
        : otherActivation >= 0 && activations.get(activation) == activations.get(otherActivation);
    return sameActivation && code[first + 5] == code[other + 5] && code[first + 6] == code[other + 6]
        && code[first + 8] == code[other + 8];
  }

  private int dotFlags(Value[] weights, Value[] inputs, boolean interleaved) {
    int flags = interleaved ? CompiledGraph.INTERLEAVED : 0;
    if (anyTakesGradient(weights)) {
      flags |= CompiledGraph.WEIGHTS_GRAD;
    }
    if (anyTakesGradient(inputs)) {
      flags |= CompiledGraph.INPUTS_GRAD;
    }
    return flags;
  }

  /** Returns whether one of {@code nodes} takes a gradient: an op, or a leaf not given as an input without one. */
  private boolean anyTakesGradient(Value[] nodes) {
    for (Value node : nodes) {
      if (node.hasGraph() || node.isLeaf() && !withoutGradient.contains(node)) {
        return true;
      }
    }
    return false;
  }

  private int constant(double value) {
    if (constantCount == constants.length) {
      constants = Arrays.copyOf(constants, constantCount * 2);
    }
    constants[constantCount] = value;
    return constantCount++;
  }

  private void add(int... words) {
    if (codeSize + words.length > code.length) {
      code = Arrays.copyOf(code, Math.max(code.length * 2, codeSize + words.length));
    }
    System.arraycopy(words, 0, code, codeSize, words.length);
    codeSize += words.length;
  }
}
