package dev.retrograd.autograd;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;
import dev.retrograd.api.ReluRule;
import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * A graph of {@link Value}s recorded once as flat arrays, whose forward and backward passes replay
 * with new leaf values: made by {@link Value#compile(Value)}, in the manner of CppAD's tape and
 * {@code torch.jit.trace}.
 *
 * <pre>{@code
 * CompiledGraph step = Value.compile(loss);   // loss: a graph just built, not yet backpropagated
 * for (double[] row : rows) {
 *   setInputs(row);                           // x_i.setData(...) on the input leaves
 *   double value = step.forward();            // every node recomputed from the leaves' data()
 *   model.zeroGrad();
 *   step.backward();                          // ∂loss/∂leaf added into every leaf's grad()
 *   optimizer.step(parameters);
 * }
 * }</pre>
 *
 * <p><b>The structure is frozen at compile time, as with {@code torch.jit.trace}</b>: the same ops on
 * the same operands in the same order; only the numbers change. Ops whose branch depends on the data
 * (relu, abs, a power at 0, a hinge built from relu) decide again on every replay. What is not
 * recomputed: a value made inside {@link Value#noGrad()} is a constant with the number it had; a node
 * made by {@link Value#fused} keeps the value and local gradients it was given. A node made by
 * {@link Value#loss} is recomputed by its {@link Loss} from the replayed predictions and its target,
 * which {@link #target(Value)} exposes for writing.
 *
 * <p><b>Replay is bit-identical to building the graph afresh and calling {@link Value#backward()}</b>:
 * each op computes its output with the same floating-point operations as the op method, and the
 * backward sweep visits the ops in the order {@code backward()} would have at compile time (the
 * thread's record of ops when the graph is on it, as right after building it; otherwise the
 * depth-first order), adding every contribution to a gradient in the same order. A leaf's gradient
 * starts from its {@code grad()}, as {@code backward()} accumulates into it.
 *
 * <p>The layout, as a tape: one {@code double[]} of values and one of gradients, the leaves first, in
 * the order the weighted sums read them, then the ops' outputs in the order they are first read; one
 * {@code int[]} of op codes with their operands' indices. A weighted sum (a {@code dot} or neuron
 * node) whose weights and inputs each sit in consecutive slots runs as a loop over contiguous memory.
 * Chains of binary {@code add} and {@code mul} that add up a sum of products, as micrograd's neurons
 * do, become one such op when their nodes are created one after the other and nothing else reads
 * their intermediate nodes: then the sum is formed in the chain's own order, and each leaf or node
 * receives the chain's contributions in the order the binary ops would give them, so the fusion
 * changes no bit.
 *
 * <p>Replaying allocates nothing (a {@link Loss} or {@link Activation} plugin may allocate in its own
 * methods). Leaves and interior {@code Value}s are not written by {@link #forward()}: read the replayed
 * numbers with {@link #valueAt}. Anomaly detection does not run during a replay, and a replayed
 * backward pass does not take part in the detection of concurrent backward passes. An instance is
 * for one thread at a time; distinct instances over shared parameter leaves may replay
 * {@link #forward()} and {@link #backwardToBuffer()} on distinct threads at once.
 */
public final class CompiledGraph {

  // Op codes. Unary ops are UNARY + their UnaryOp ordinal, binary ops BINARY + their BinaryOp ordinal.
  static final int UNARY = 0;
  static final int BINARY = 20;
  /** out, n, term × n. */
  static final int SUM = 30;
  /** out, pre, bias, activation, n, flags, first weight, first input: consecutive slots. */
  static final int DOT = 31;
  /** out, pre, bias, activation, n, flags, weight × n, input × n. */
  static final int DOT_INDEXED = 32;
  /** out, terms, (a, b) × terms (b = −1 for a plain term), contributions, (target, factor) × contributions. */
  static final int CHAIN = 33;
  /** out, n, first constant (value, then the n local gradients), input × n. */
  static final int FUSED = 34;
  /** out, loss index, n, input × n. */
  static final int LOSS = 35;
  /** out, input, activation. */
  static final int APPLIED = 36;
  /**
   * neurons, n, first input, activation, flags, then per neuron: out, first weight, bias, pre: DOT ops
   * over the same consecutive inputs, one after the other.
   */
  static final int LAYER = 37;
  /**
   * rows, neurons, n, activation, flags, then per neuron: first weight, bias; per row: first input;
   * per row and neuron: out, pre. LAYER ops with the same weights over the rows of a batch.
   */
  static final int BATCH = 38;

  /** DOT flag: the weights take gradients. */
  static final int WEIGHTS_GRAD = 1;
  /** DOT flag: the inputs take gradients. */
  static final int INPUTS_GRAD = 2;
  /** DOT flag: weight i and input i are updated together, as the node's own loop does (the slots may overlap). */
  static final int INTERLEAVED = 4;

  private final Value[] leaves;
  /** Whether leaf i gets its gradient written back. */
  private final boolean[] leafTakesGradient;
  private final double[] values;
  private final double[] gradients;
  private final int[] code;
  private final int[] opStarts;
  private final double[] constants;
  private final Activation[] activations;
  private final LossNode[] losses;
  private final int output;
  private final IdentityHashMap<Value, Integer> slots;
  private final IdentityHashMap<Value, LossNode> lossNodes;
  /** The slots given to the latest {@link #forward(int[], double[])}, and the leaves it did not name. */
  private int[] suppliedSlots;
  private int[] otherLeaves;
  private int[] suppliedRuns;
  /** ∂output/∂s and s of each row's neurons, for the backward pass of a BATCH op. */
  private final double[] batchGradients;
  private final double[] batchSums;

  CompiledGraph(Value[] leaves, boolean[] leafTakesGradient, double[] values, int[] code, int[] opStarts,
      double[] constants, Activation[] activations, LossNode[] losses, int output,
      IdentityHashMap<Value, Integer> slots, IdentityHashMap<Value, LossNode> lossNodes) {
    this.leaves = leaves;
    this.leafTakesGradient = leafTakesGradient;
    this.values = values;
    this.gradients = new double[values.length];
    this.code = code;
    this.opStarts = opStarts;
    this.constants = constants;
    this.activations = activations;
    this.losses = losses;
    this.output = output;
    this.slots = slots;
    this.lossNodes = lossNodes;
    int largestBatch = 0;
    for (int start : opStarts) {
      if (code[start] == BATCH) {
        largestBatch = Math.max(largestBatch, code[start + 1] * code[start + 2]);
      }
    }
    this.batchGradients = new double[largestBatch];
    this.batchSums = new double[largestBatch];
  }

  static CompiledGraph of(Value output, java.util.Collection<Value> inputsWithoutGradient) {
    return new GraphCompiler(output, inputsWithoutGradient).compile();
  }

  /** A loss node's plugin and target, with the buffers its replay fills. */
  static final class LossNode {
    final Loss loss;
    final double[] target;
    final double[] prediction;
    final double[] gradient;

    LossNode(Loss loss, double[] target) {
      this.loss = loss;
      this.target = target.clone();
      this.prediction = new double[target.length];
      this.gradient = new double[target.length];
    }
  }

  // ---- the public surface ----------------------------------------------------------------------

  /** Returns the number of slots (leaves, op outputs, constants), the size of the flat arrays. */
  public int size() {
    return values.length;
  }

  /** Returns the number of leaves the graph reads. */
  public int leafCount() {
    return leaves.length;
  }

  /** Returns the number of compiled ops, after fusion. */
  public int opCount() {
    return opStarts.length;
  }

  /**
   * Returns the slot of {@code node} in this graph, for {@link #valueAt} and {@link #gradientAt}.
   *
   * @throws IllegalArgumentException if the output does not depend on {@code node}, or the node was
   *     fused into a bigger op
   */
  public int indexOf(Value node) {
    Integer slot = slots.get(node);
    if (slot == null) {
      throw new IllegalArgumentException("The compiled graph has no slot for " + node + ": the output does not "
          + "depend on it, or it is an intermediate node of a fused sum. Ask for a node the graph reads or outputs.");
    }
    return slot;
  }

  /** Returns the number in slot {@code index} after the latest {@link #forward()}. */
  public double valueAt(int index) {
    return values[index];
  }

  /**
   * Returns the gradient in slot {@code index} after the latest backward pass: for a leaf, what was
   * written back (after {@link #backward()}) or what would be added (after {@link #backwardToBuffer()}).
   */
  public double gradientAt(int index) {
    return gradients[index];
  }

  /**
   * Returns the target array that the replay of loss node {@code lossNode} (made by
   * {@link Value#loss}) reads: write the next example's target into it before {@link #forward()}.
   *
   * @throws IllegalArgumentException if {@code lossNode} is not a loss node of this graph
   */
  public double[] target(Value lossNode) {
    LossNode node = lossNodes.get(lossNode);
    if (node == null) {
      throw new IllegalArgumentException("Not a loss node of this compiled graph: " + lossNode
          + ". Pass a node made by Value.loss that the output depends on.");
    }
    return node.target;
  }

  /**
   * Recomputes every node from the leaves' current {@code data()} and returns the output's number.
   * Allocates nothing.
   */
  public double forward() {
    double[] v = values;
    Value[] leafValues = leaves;
    for (int i = 0; i < leafValues.length; i++) {
      v[i] = leafValues[i].data();
    }
    return replay();
  }

  /**
   * Recomputes every node as {@link #forward()} does, except that the leaf in slot
   * {@code slots[k]} takes {@code numbers[k]} instead of its {@code data()} (entries of -1 are
   * skipped); the leaves themselves are not changed. This is for numbers kept in one array, such as
   * the parameters an optimizer has just updated on other threads: reading them from an array is
   * cheaper than from each leaf. Allocates nothing after the first call with a given {@code slots}.
   *
   * @throws IndexOutOfBoundsException if a slot is not a leaf's or {@code numbers} is shorter than
   *     {@code slots}
   */
  public double forward(int[] slots, double[] numbers) {
    if (slots != suppliedSlots) {
      otherLeaves = leavesNotIn(slots);
      suppliedRuns = runsOf(slots);
      suppliedSlots = slots;
    }
    double[] v = values;
    Value[] leafValues = leaves;
    for (int i : otherLeaves) {
      v[i] = leafValues[i].data();
    }
    int[] runs = suppliedRuns;
    for (int r = 0; r < runs.length; r += 3) {
      System.arraycopy(numbers, runs[r], v, runs[r + 1], runs[r + 2]);
    }
    return replay();
  }

  /**
   * Returns the named slots as runs of consecutive entries that go to consecutive slots: (first
   * entry k, its slot, length) triples, so that copying them is a few block copies.
   */
  private static int[] runsOf(int[] slots) {
    int[] runs = new int[3 * slots.length];
    int count = 0;
    for (int k = 0; k < slots.length; k++) {
      if (slots[k] < 0) {
        continue;
      }
      if (count > 0 && runs[count - 3] + runs[count - 1] == k && runs[count - 2] + runs[count - 1] == slots[k]) {
        runs[count - 1]++;
      } else {
        runs[count++] = k;
        runs[count++] = slots[k];
        runs[count++] = 1;
      }
    }
    return Arrays.copyOf(runs, count);
  }

  /** Returns the slots of the leaves that {@code slots} does not name. */
  private int[] leavesNotIn(int[] slots) {
    boolean[] named = new boolean[leaves.length];
    for (int slot : slots) {
      if (slot >= leaves.length) {
        throw new IndexOutOfBoundsException("slot " + slot + " holds no leaf; leaves are in slots 0 to "
            + (leaves.length - 1));
      }
      if (slot >= 0) {
        named[slot] = true;
      }
    }
    int count = 0;
    for (boolean n : named) {
      count += n ? 0 : 1;
    }
    int[] others = new int[count];
    for (int i = 0, k = 0; i < named.length; i++) {
      if (!named[i]) {
        others[k++] = i;
      }
    }
    return others;
  }

  /** Recomputes every op from the numbers in the leaves' slots and returns the output's number. */
  private double replay() {
    double[] v = values;
    int[] c = code;
    for (int start : opStarts) {
      int op = c[start];
      int out = c[start + 1];
      if (op < BINARY) {
        v[out] = unary(op - UNARY, v[c[start + 2]], constants[c[start + 3]]);
      } else if (op < SUM) {
        v[out] = binary(op - BINARY, v[c[start + 2]], v[c[start + 3]]);
      } else {
        switch (op) {
          case SUM -> v[out] = sum(c, start + 3, c[start + 2], v);
          case DOT -> dotForward(c, start, v);
          case DOT_INDEXED -> dotIndexedForward(c, start, v);
          case CHAIN -> v[out] = chainForward(c, start + 3, c[start + 2], v);
          case FUSED -> v[out] = constants[c[start + 3]];
          case LOSS -> v[out] = lossForward(c, start, v);
          case APPLIED -> v[out] = activations[c[start + 3]].apply(v[c[start + 2]]);
          case LAYER -> layerForward(c, start, v);
          case BATCH -> batchForward(c, start, v);
          default -> throw new IllegalStateException("unknown op code " + op);
        }
      }
    }
    return v[output];
  }

  /**
   * Adds ∂output/∂leaf into each leaf's {@code grad()}, as {@link Value#backward()} does, at the numbers
   * of the latest {@link #forward()} (call it first). Leaves given as inputs without gradient keep
   * theirs. Allocates nothing.
   */
  public void backward() {
    double[] g = gradients;
    for (int i = 0; i < leaves.length; i++) {
      g[i] = leafTakesGradient[i] ? leaves[i].grad() : 0;
    }
    sweep();
    for (int i = 0; i < leaves.length; i++) {
      if (leafTakesGradient[i]) {
        leaves[i].storeGrad(g[i]);
      }
    }
  }

  /**
   * Computes the gradients {@link #backward()} would add, starting every leaf from 0, and keeps them
   * in this graph's buffer ({@link #gradientAt}) without writing any leaf: for adding up, in a fixed
   * order, the gradients of several graphs over shared parameters replayed on several threads.
   */
  public void backwardToBuffer() {
    Arrays.fill(gradients, 0, leaves.length, 0);
    sweep();
  }

  /** Returns the leaves this graph reads, in slot order (slot i holds leaf i). */
  public java.util.List<Value> leaves() {
    return java.util.List.of(leaves);
  }

  /** Returns whether leaf slot {@code index} receives a gradient (it was not given as an input without one). */
  public boolean takesGradient(int index) {
    return index < leaves.length && leafTakesGradient[index];
  }

  private void sweep() {
    double[] g = gradients;
    double[] v = values;
    Arrays.fill(g, leaves.length, g.length, 0);
    g[output] += 1;
    int[] c = code;
    for (int k = opStarts.length - 1; k >= 0; k--) {
      int start = opStarts[k];
      int op = c[start];
      int out = c[start + 1];
      double grad = g[out];
      if (op < BINARY) {
        int in = c[start + 2];
        g[in] += unaryContribution(op - UNARY, v[in], v[out], constants[c[start + 3]], grad);
      } else if (op < SUM) {
        binaryBackward(op - BINARY, c[start + 2], c[start + 3], v[out], grad, v, g);
      } else {
        switch (op) {
          case SUM -> {
            int n = c[start + 2];
            for (int i = 0; i < n; i++) {
              g[c[start + 3 + i]] += grad;
            }
          }
          case DOT -> dotBackward(c, start, grad, v, g);
          case DOT_INDEXED -> dotIndexedBackward(c, start, grad, v, g);
          case CHAIN -> chainBackward(c, start + 3, c[start + 2], grad, v, g);
          case FUSED -> {
            int n = c[start + 2];
            int first = c[start + 3] + 1;
            for (int i = 0; i < n; i++) {
              g[c[start + 4 + i]] += constants[first + i] * grad;
            }
          }
          case LOSS -> {
            double[] local = losses[c[start + 2]].gradient;
            int n = c[start + 3];
            for (int i = 0; i < n; i++) {
              g[c[start + 4 + i]] += local[i] * grad;
            }
          }
          case APPLIED -> {
            int in = c[start + 2];
            g[in] += activations[c[start + 3]].derivative(v[in], v[out]) * grad;
          }
          case LAYER -> layerBackward(c, start, v, g);
          case BATCH -> batchBackward(c, start, v, g);
          default -> throw new IllegalStateException("unknown op code " + op);
        }
      }
    }
  }

  // ---- the ops: forward values and chain rules, each as the Value op computes it -----------------

  // The unary and binary ops by their ordinals, as int cases, which the JIT turns into a jump table.
  private static final int ADD_CONSTANT = 0;
  private static final int SUB_CONSTANT = 1;
  private static final int MUL_CONSTANT = 2;
  private static final int DIV_CONSTANT = 3;
  private static final int POW_CONSTANT = 4;
  private static final int NEG = 5;
  private static final int EXP = 6;
  private static final int LOG = 7;
  private static final int SQRT = 8;
  private static final int TANH = 9;
  private static final int SIGMOID = 10;
  private static final int RELU = 11;
  private static final int ABS = 12;
  private static final int ADD = 0;
  private static final int SUB = 1;
  private static final int MUL = 2;
  private static final int DIV = 3;
  private static final int POW = 4;

  static {
    String unary = java.util.Arrays.toString(Value.UnaryOp.values());
    String binary = java.util.Arrays.toString(Value.BinaryOp.values());
    if (!unary.equals("[ADD_CONSTANT, SUB_CONSTANT, MUL_CONSTANT, DIV_CONSTANT, POW_CONSTANT, NEG, EXP, LOG, SQRT,"
        + " TANH, SIGMOID, RELU, ABS]") || !binary.equals("[ADD, SUB, MUL, DIV, POW]")) {
      throw new ExceptionInInitializerError("CompiledGraph's op numbers no longer match Value's ops: " + unary
          + " " + binary);
    }
  }

  private static double unary(int op, double x, double c) {
    return switch (op) {
      case ADD_CONSTANT -> x + c;
      case SUB_CONSTANT -> x - c;
      case MUL_CONSTANT -> x * c;
      case DIV_CONSTANT -> x / c;
      case POW_CONSTANT -> Math.pow(x, c);
      case NEG -> -x;
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
      case RELU -> ReluRule.apply(x);
      case ABS -> Math.abs(x);
      default -> throw new IllegalStateException("unknown unary op " + op);
    };
  }

  private static double unaryContribution(int op, double x, double y, double c, double g) {
    return switch (op) {
      case ADD_CONSTANT, SUB_CONSTANT -> g;
      case MUL_CONSTANT -> c * g;
      case DIV_CONSTANT -> g / c;
      case POW_CONSTANT -> Value.powerRule(x, c) * g;
      case NEG -> -g;
      case EXP -> y * g;
      case LOG -> g / x;
      case SQRT -> g / (2 * y);
      case TANH -> (1 - y * y) * g;
      case SIGMOID -> y * (1 - y) * g;
      case RELU -> ReluRule.passesGradient(x) ? g : 0;
      case ABS -> Math.signum(x) * g;
      default -> throw new IllegalStateException("unknown unary op " + op);
    };
  }

  private static double binary(int op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      case POW -> Math.pow(l, r);
      default -> throw new IllegalStateException("unknown binary op " + op);
    };
  }

  private static void binaryBackward(int op, int left, int right, double y, double g, double[] v, double[] grads) {
    double l = v[left];
    double r = v[right];
    switch (op) {
      case ADD -> {
        grads[left] += g;
        grads[right] += g;
      }
      case SUB -> {
        grads[left] += g;
        grads[right] += -g;
      }
      case MUL -> {
        grads[left] += r * g;
        grads[right] += l * g;
      }
      case DIV -> {
        grads[left] += g / r;
        grads[right] += -g * l / (r * r);
      }
      case POW -> {
        grads[left] += Value.powerRule(l, r) * g;
        boolean flatInExponent = l == 0 && r >= 0;
        grads[right] += (flatInExponent ? 0 : y * Math.log(l)) * g;
      }
      default -> throw new IllegalStateException("unknown binary op " + op);
    }
  }

  private static double sum(int[] c, int from, int n, double[] v) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += v[c[from + i]];
    }
    return total;
  }

  private void dotForward(int[] c, int start, double[] v) {
    int bias = c[start + 3];
    int n = c[start + 5];
    int w = c[start + 7];
    int x = c[start + 8];
    double s = bias < 0 ? 0 : v[bias];
    for (int i = 0; i < n; i++) {
      s += v[w + i] * v[x + i];
    }
    finishDot(c, start, v, s);
  }

  private void dotIndexedForward(int[] c, int start, double[] v) {
    int bias = c[start + 3];
    int n = c[start + 5];
    int w = start + 7;
    int x = w + n;
    double s = bias < 0 ? 0 : v[bias];
    for (int i = 0; i < n; i++) {
      s += v[c[w + i]] * v[c[x + i]];
    }
    finishDot(c, start, v, s);
  }

  private void finishDot(int[] c, int start, double[] v, double s) {
    int activation = c[start + 4];
    if (activation < 0) {
      v[c[start + 1]] = s;
    } else {
      v[c[start + 2]] = s;
      v[c[start + 1]] = activations[activation].apply(s);
    }
  }

  /** Returns ∂output/∂s: g times f'(s) for a neuron, g for a plain weighted sum. */
  private double dotGradient(int[] c, int start, double g, double[] v) {
    int activation = c[start + 4];
    return activation < 0 ? g : activations[activation].derivative(v[c[start + 2]], v[c[start + 1]]) * g;
  }

  /**
   * Returns whether a weighted sum whose ∂output/∂s is {@code gs} can skip its backward loops: when gs
   * is 0 and s is finite, every w<sub>i</sub> and x<sub>i</sub> is finite, so each contribution is ±0,
   * and adding ±0 leaves a gradient as it is (a gradient is never −0: it starts at +0 and only adds).
   * A ReLU neuron that is off skips its loops, as a hand-written backward pass would.
   */
  private static boolean contributesNothing(int[] c, int start, double gs, double[] v) {
    int pre = c[start + 2];
    return gs == 0 && Double.isFinite(v[pre < 0 ? c[start + 1] : pre]);
  }

  private void dotBackward(int[] c, int start, double g, double[] v, double[] grads) {
    double gs = dotGradient(c, start, g, v);
    if (contributesNothing(c, start, gs, v)) {
      return;
    }
    int bias = c[start + 3];
    int n = c[start + 5];
    int flags = c[start + 6];
    int w = c[start + 7];
    int x = c[start + 8];
    if ((flags & INTERLEAVED) != 0) {
      for (int i = 0; i < n; i++) {
        grads[w + i] += v[x + i] * gs;
        grads[x + i] += v[w + i] * gs;
      }
    } else {
      if ((flags & WEIGHTS_GRAD) != 0) {
        for (int i = 0; i < n; i++) {
          grads[w + i] += v[x + i] * gs;
        }
      }
      if ((flags & INPUTS_GRAD) != 0) {
        for (int i = 0; i < n; i++) {
          grads[x + i] += v[w + i] * gs;
        }
      }
    }
    if (bias >= 0) {
      grads[bias] += gs;
    }
  }

  private void dotIndexedBackward(int[] c, int start, double g, double[] v, double[] grads) {
    double gs = dotGradient(c, start, g, v);
    if (contributesNothing(c, start, gs, v)) {
      return;
    }
    int bias = c[start + 3];
    int n = c[start + 5];
    int w = start + 7;
    int x = w + n;
    for (int i = 0; i < n; i++) {
      int weight = c[w + i];
      int input = c[x + i];
      grads[weight] += v[input] * gs;
      grads[input] += v[weight] * gs;
    }
    if (bias >= 0) {
      grads[bias] += gs;
    }
  }

  /** The neurons' forward passes: s<sub>j</sub> = b<sub>j</sub> + Σ<sub>i</sub> w<sub>ji</sub>·x<sub>i</sub>, added in order of i, and y<sub>j</sub> = f(s<sub>j</sub>). */
  private void layerForward(int[] c, int start, double[] v) {
    int neurons = c[start + 1];
    int n = c[start + 2];
    int x = c[start + 3];
    int activation = c[start + 4];
    Activation f = activation < 0 ? null : activations[activation];
    int j = 0;
    // Four neurons at a time: four sums in flight instead of one chain of additions, each neuron's
    // terms still added in their own order, so every sum is the one-neuron loop's, bit for bit.
    for (; j + 4 <= neurons; j += 4) {
      int at = start + 6 + 4 * j;
      int w0 = c[at + 1];
      int w1 = c[at + 5];
      int w2 = c[at + 9];
      int w3 = c[at + 13];
      double s0 = startOfSum(c[at + 2], v);
      double s1 = startOfSum(c[at + 6], v);
      double s2 = startOfSum(c[at + 10], v);
      double s3 = startOfSum(c[at + 14], v);
      for (int i = 0; i < n; i++) {
        double xi = v[x + i];
        s0 += v[w0 + i] * xi;
        s1 += v[w1 + i] * xi;
        s2 += v[w2 + i] * xi;
        s3 += v[w3 + i] * xi;
      }
      storeNeuron(c, at, s0, f, v);
      storeNeuron(c, at + 4, s1, f, v);
      storeNeuron(c, at + 8, s2, f, v);
      storeNeuron(c, at + 12, s3, f, v);
    }
    for (int at = start + 6 + 4 * j; j < neurons; j++, at += 4) {
      int w = c[at + 1];
      double s = startOfSum(c[at + 2], v);
      for (int i = 0; i < n; i++) {
        s += v[w + i] * v[x + i];
      }
      storeNeuron(c, at, s, f, v);
    }
  }

  /** Returns the bias a neuron's weighted sum starts from, or 0 for a neuron without one (slot &lt; 0). */
  private static double startOfSum(int bias, double[] v) {
    return bias < 0 ? 0 : v[bias];
  }

  /** Stores a neuron's weighted sum s and its output f(s) (s itself without an activation). */
  private static void storeNeuron(int[] c, int at, double s, Activation f, double[] v) {
    if (f == null) {
      v[c[at]] = s;
    } else {
      v[c[at + 3]] = s;
      v[c[at]] = f.apply(s);
    }
  }

  /**
   * The forward passes of a layer's neurons over every row of a batch, as {@link #layerForward} runs
   * them row by row: four neurons at a time, each group over all rows, so that their weights are
   * read from memory once for the batch.
   */
  private void batchForward(int[] c, int start, double[] v) {
    int rows = c[start + 1];
    int neurons = c[start + 2];
    int n = c[start + 3];
    int activation = c[start + 4];
    Activation f = activation < 0 ? null : activations[activation];
    int weights = start + 6;
    int inputs = weights + 2 * neurons;
    int outs = inputs + rows;
    int j = 0;
    for (; j + 4 <= neurons; j += 4) {
      int w0 = c[weights + 2 * j];
      int w1 = c[weights + 2 * j + 2];
      int w2 = c[weights + 2 * j + 4];
      int w3 = c[weights + 2 * j + 6];
      for (int r = 0; r < rows; r++) {
        int x = c[inputs + r];
        double s0 = startOfSum(c[weights + 2 * j + 1], v);
        double s1 = startOfSum(c[weights + 2 * j + 3], v);
        double s2 = startOfSum(c[weights + 2 * j + 5], v);
        double s3 = startOfSum(c[weights + 2 * j + 7], v);
        for (int i = 0; i < n; i++) {
          double xi = v[x + i];
          s0 += v[w0 + i] * xi;
          s1 += v[w1 + i] * xi;
          s2 += v[w2 + i] * xi;
          s3 += v[w3 + i] * xi;
        }
        int at = outs + 2 * (r * neurons + j);
        storeBatchNeuron(c, at, s0, f, v);
        storeBatchNeuron(c, at + 2, s1, f, v);
        storeBatchNeuron(c, at + 4, s2, f, v);
        storeBatchNeuron(c, at + 6, s3, f, v);
      }
    }
    for (; j < neurons; j++) {
      int w = c[weights + 2 * j];
      for (int r = 0; r < rows; r++) {
        int x = c[inputs + r];
        double s = startOfSum(c[weights + 2 * j + 1], v);
        for (int i = 0; i < n; i++) {
          s += v[w + i] * v[x + i];
        }
        storeBatchNeuron(c, outs + 2 * (r * neurons + j), s, f, v);
      }
    }
  }

  /** Stores a neuron's weighted sum s and its output f(s) at a BATCH op's (out, pre) pair. */
  private static void storeBatchNeuron(int[] c, int at, double s, Activation f, double[] v) {
    if (f == null) {
      v[c[at]] = s;
    } else {
      v[c[at + 1]] = s;
      v[c[at]] = f.apply(s);
    }
  }

  /**
   * The backward passes of a BATCH op: neurons last first, each over the rows last first. Every
   * gradient gets its contributions in the order of the LAYER ops it replaces (rows last first, each
   * neuron last first), since the compiler merges only rows whose inputs are their own and neurons
   * whose weights and biases are their own.
   */
  private void batchBackward(int[] c, int start, double[] v, double[] grads) {
    int rows = c[start + 1];
    int neurons = c[start + 2];
    int n = c[start + 3];
    int activation = c[start + 4];
    int flags = c[start + 5];
    Activation f = activation < 0 ? null : activations[activation];
    int weights = start + 6;
    int inputs = weights + 2 * neurons;
    int outs = inputs + rows;
    double[] gs = batchGradients;
    double[] sums = batchSums;
    for (int k = 0; k < rows * neurons; k++) {
      int out = c[outs + 2 * k];
      double g = grads[out];
      double s = f == null ? v[out] : v[c[outs + 2 * k + 1]];
      sums[k] = s;
      gs[k] = f == null ? g : f.derivative(s, v[out]) * g;
    }
    for (int j = neurons - 1; j >= 0; j--) {
      int w = c[weights + 2 * j];
      int bias = c[weights + 2 * j + 1];
      for (int r = rows - 1; r >= 0; r--) {
        double g = gs[r * neurons + j];
        if (g == 0 && Double.isFinite(sums[r * neurons + j])) {
          continue;
        }
        int x = c[inputs + r];
        if ((flags & WEIGHTS_GRAD) != 0) {
          for (int i = 0; i < n; i++) {
            grads[w + i] += v[x + i] * g;
          }
        }
        if ((flags & INPUTS_GRAD) != 0) {
          for (int i = 0; i < n; i++) {
            grads[x + i] += v[w + i] * g;
          }
        }
        if (bias >= 0) {
          grads[bias] += g;
        }
      }
    }
  }

  /** The neurons' backward passes, last neuron first, each as {@link #dotBackward} runs it. */
  private void layerBackward(int[] c, int start, double[] v, double[] grads) {
    int neurons = c[start + 1];
    int n = c[start + 2];
    int x = c[start + 3];
    int activation = c[start + 4];
    int flags = c[start + 5];
    Activation f = activation < 0 ? null : activations[activation];
    for (int j = neurons - 1; j >= 0; j--) {
      int at = start + 6 + 4 * j;
      int out = c[at];
      double g = grads[out];
      double s = f == null ? v[out] : v[c[at + 3]];
      double gs = f == null ? g : f.derivative(s, v[out]) * g;
      if (gs == 0 && Double.isFinite(s)) {
        continue;
      }
      int w = c[at + 1];
      if ((flags & WEIGHTS_GRAD) != 0) {
        for (int i = 0; i < n; i++) {
          grads[w + i] += v[x + i] * gs;
        }
      }
      if ((flags & INPUTS_GRAD) != 0) {
        for (int i = 0; i < n; i++) {
          grads[x + i] += v[w + i] * gs;
        }
      }
      int bias = c[at + 2];
      if (bias >= 0) {
        grads[bias] += gs;
      }
    }
  }

  /** s = term₀ + term₁ + … in that order, a term being v[a]·v[b], or v[a] when b is −1. */
  private static double chainForward(int[] c, int from, int terms, double[] v) {
    double s = term(c, from, v);
    for (int k = 1; k < terms; k++) {
      s += term(c, from + 2 * k, v);
    }
    return s;
  }

  private static double term(int[] c, int at, double[] v) {
    int b = c[at + 1];
    return b < 0 ? v[c[at]] : v[c[at]] * v[b];
  }

  /** Adds the chain's contributions in the binary ops' order: g·v[factor] to each target, or g when factor is −1. */
  private static void chainBackward(int[] c, int from, int terms, double g, double[] v, double[] grads) {
    int at = from + 2 * terms;
    int contributions = c[at];
    for (int k = 0; k < contributions; k++) {
      int target = c[at + 1 + 2 * k];
      int factor = c[at + 2 + 2 * k];
      grads[target] += factor < 0 ? g : v[factor] * g;
    }
  }

  private double lossForward(int[] c, int start, double[] v) {
    LossNode node = losses[c[start + 2]];
    int n = c[start + 3];
    double[] prediction = node.prediction;
    for (int i = 0; i < n; i++) {
      prediction[i] = v[c[start + 4 + i]];
    }
    node.loss.gradient(prediction, node.target, node.gradient);
    return node.loss.value(prediction, node.target);
  }

  @Override
  public String toString() {
    return "CompiledGraph(" + opCount() + " ops, " + leafCount() + " leaves, " + size() + " slots)";
  }

  /** Returns the slot of the output, for {@link #valueAt} and {@link #gradientAt}. */
  public int outputIndex() {
    return output;
  }
}
