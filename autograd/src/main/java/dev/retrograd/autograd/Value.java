package dev.retrograd.autograd;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scalar in a computation graph, with the gradient of some output with respect to it.
 *
 * <p>Every op computes its output and records what its chain rule needs; {@link #backward()} runs
 * those rules from this node back to every leaf:
 *
 * <pre>{@code
 * Value a = Value.of(-4.0);
 * Value b = Value.of(2.0);
 * Value d = a.mul(b).add(b.pow(3));      // d = a·b + b³
 * d.backward();
 * a.grad();                              // ∂d/∂a = b = 2.0
 * b.grad();                              // ∂d/∂b = a + 3b² = 8.0
 * }</pre>
 *
 * <p><b>Gradients accumulate with {@code +=}:</b> a value used twice gets both contributions, and a
 * leaf's gradient grows across {@code backward()} calls until {@link #zeroGrad()}, as in PyTorch.
 * The gradients of interior nodes reflect the latest {@code backward()} only.
 *
 * <p>Arithmetic follows IEEE 754 as PyTorch does: {@code Value.of(0).log()} is -Infinity and no op
 * throws on a non-finite result. {@link #setAnomalyDetection(boolean)} turns on a check that names
 * the first op producing a NaN or an infinity.
 *
 * <p>Each op's forward value is computed in its method below; its chain rule is the matching case
 * of {@link #propagate(int)}. A graph is not thread-safe; distinct graphs may be built and
 * differentiated concurrently.
 */
public final class Value {

  /** The kinds of node; each op's local derivative is the matching case of {@code propagate}. */
  private enum Op {
    LEAF(""), ADD("+"), ADD_CONSTANT("+"), SUB("-"), SUB_CONSTANT("-"), MUL("*"), MUL_CONSTANT("*"), DIV("/"),
    DIV_CONSTANT("/"), POW("pow"), POW_CONSTANT("pow"), NEG("neg"), EXP("exp"), LOG("log"),
    SQRT("sqrt"), TANH("tanh"), SIGMOID("sigmoid"), RELU("relu"), ABS("abs"), APPLY("apply"),
    SUM("sum"), DOT("dot"), NEURON("neuron"), FUSED("fused");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  /** The name and local gradients of a fused n-ary node such as a loss. */
  private record Fused(String name, double[] localGradients) {}

  private static final Value[] NONE = {};
  /** The tape id of a leaf: leaves need no recording, so they count as on every tape. */
  private static final int ON_EVERY_TAPE = -1;
  private static final AtomicInteger VISITS = new AtomicInteger();
  private static volatile boolean anomalyDetection;

  private double data;
  private double grad;
  private final Op op;
  /** The first and second input; for dot and neuron nodes, {@code b} is the bias or null. */
  private final Value a;
  private final Value b;
  /** The inputs of an n-ary node: the terms of a sum, the weights of a dot, a loss's predictions. */
  private final Value[] many;
  /** The inputs x of a dot or neuron node, paired with the weights in {@code many}; null otherwise. */
  private final Value[] right;
  /** A constant of the op: the c of x + c, x·c, x/c, x^c, or a neuron's pre-activation. */
  private final double c;
  /** The activation of an apply or neuron node, or the {@link Fused} record of a fused node. */
  private final Object extra;
  private int visitMark;
  private int tapeId;
  private int tapeIndex;

  private Value(double data, Op op, Value a, Value b, Value[] many, Value[] right, double c, Object extra) {
    this(data, op, a, b, many, right, c, extra, null, false);
  }

  /**
   * Creates a node; {@code tape} non-null means the caller already checked whether every input is
   * on it ({@code inputsOnTape}), as the weighted sum does while it reads the inputs anyway.
   */
  private Value(double data, Op op, Value a, Value b, Value[] many, Value[] right, double c, Object extra,
      Tape tape, boolean inputsOnTape) {
    this.data = data;
    this.op = op;
    this.a = a;
    this.b = b;
    this.many = many;
    this.right = right;
    this.c = c;
    this.extra = extra;
    if (op == Op.LEAF) {
      tapeId = ON_EVERY_TAPE;
    } else if (tape != null) {
      recordOn(tape, inputsOnTape);
    } else {
      recordOnTape();
    }
    if (anomalyDetection) {
      Anomalies.checkForward(this);
    }
  }

  private static Value unary(double data, Op op, Value a, double c) {
    return new Value(data, op, a, null, NONE, null, c, null);
  }

  private static Value binary(double data, Op op, Value a, Value b) {
    return new Value(data, op, a, b, NONE, null, 0, null);
  }

  /** Returns a new leaf holding {@code data}, with gradient 0. */
  public static Value of(double data) {
    return new Value(data, Op.LEAF, null, null, NONE, null, 0, null);
  }

  /** Returns this node's number. */
  public double data() {
    return data;
  }

  /** Returns the gradient accumulated by {@link #backward()} calls, 0 before any. */
  public double grad() {
    return grad;
  }

  /**
   * Sets a leaf's number, as an optimizer does.
   *
   * @throws IllegalStateException if this value is the output of an op
   */
  public void setData(double data) {
    if (!isLeaf()) {
      throw new IllegalStateException(
          "setData is for leaves; this value is the output of '" + op() + "'. Create a leaf with Value.of.");
    }
    this.data = data;
  }

  /** Resets this node's gradient to 0. */
  public void zeroGrad() {
    grad = 0;
  }

  /** Returns whether backward pass {@code visit} has reached this node. */
  boolean visited(int visit) {
    return visitMark == visit;
  }

  /** Marks this node as reached by backward pass {@code visit}. */
  void markVisited(int visit) {
    visitMark = visit;
  }

  /** Returns true if this value was made by {@link #of(double)} rather than by an op. */
  public boolean isLeaf() {
    return op == Op.LEAF;
  }

  /** Returns the name of the op that made this value ({@code "+"}, {@code "tanh"}, …), "" for a leaf. */
  public String op() {
    return op == Op.FUSED ? ((Fused) extra).name() : op.symbol;
  }

  /** Returns the values this one was computed from, in order; empty for a leaf. */
  public List<Value> inputs() {
    List<Value> inputs = new ArrayList<>(inputCount());
    for (int i = 0; i < inputCount(); i++) {
      inputs.add(input(i));
    }
    return inputs;
  }

  private boolean isNary() {
    return op == Op.SUM || op == Op.DOT || op == Op.NEURON || op == Op.FUSED;
  }

  /** Returns the number of inputs, as {@link #inputs()} has them. */
  int inputCount() {
    if (isNary()) {
      return many.length + (right == null ? 0 : right.length) + (b == null ? 0 : 1);
    }
    return a == null ? 0 : b == null ? 1 : 2;
  }

  /** Returns input {@code i}, as {@link #inputs()} has it, without making a list. */
  Value input(int i) {
    if (isNary()) {
      if (i < many.length) {
        return many[i];
      }
      int j = i - many.length;
      return right != null && j < right.length ? right[j] : b;
    }
    return i == 0 ? a : b;
  }

  // ---- binary ops ------------------------------------------------------------------------------

  /** Returns this + other. */
  public Value add(Value other) {
    return binary(data + other.data, Op.ADD, this, other);
  }

  /** Returns this + c. */
  public Value add(double c) {
    return unary(data + c, Op.ADD_CONSTANT, this, c);
  }

  /** Returns this − other. */
  public Value sub(Value other) {
    return binary(data - other.data, Op.SUB, this, other);
  }

  /** Returns this − c. */
  public Value sub(double c) {
    return unary(data - c, Op.SUB_CONSTANT, this, c);
  }

  /** Returns this · other. */
  public Value mul(Value other) {
    return binary(data * other.data, Op.MUL, this, other);
  }

  /** Returns this · c. */
  public Value mul(double c) {
    return unary(data * c, Op.MUL_CONSTANT, this, c);
  }

  /** Returns this / other; ∂/∂this = 1/other, ∂/∂other = −this/other². */
  public Value div(Value other) {
    return binary(data / other.data, Op.DIV, this, other);
  }

  /** Returns this / c. */
  public Value div(double c) {
    return unary(data / c, Op.DIV_CONSTANT, this, c);
  }

  /**
   * Returns this<sup>exponent</sup>, differentiated in both the base and the exponent.
   *
   * <p>∂/∂base = e·base<sup>e−1</sup> (0 when e = 0); ∂/∂exponent = base<sup>e</sup>·ln(base), taken as 0
   * where base = 0 and e ≥ 0, as {@code torch.pow} does.
   */
  public Value pow(Value exponent) {
    return binary(Math.pow(data, exponent.data), Op.POW, this, exponent);
  }

  /** Returns this<sup>n</sup>; the derivative n·x<sup>n−1</sup> is 0 when n = 0, as in PyTorch. */
  public Value pow(double n) {
    return unary(Math.pow(data, n), Op.POW_CONSTANT, this, n);
  }

  private static double powerRule(double base, double exponent) {
    return exponent == 0 ? 0 : exponent * Math.pow(base, exponent - 1);
  }

  // ---- unary ops -------------------------------------------------------------------------------

  /** Returns −this. */
  public Value neg() {
    return unary(-data, Op.NEG, this, 0);
  }

  /** Returns e<sup>this</sup>; its derivative is itself. */
  public Value exp() {
    return unary(Math.exp(data), Op.EXP, this, 0);
  }

  /** Returns ln(this): -Infinity at 0 and NaN below, as IEEE 754 says; derivative 1/x. */
  public Value log() {
    return unary(Math.log(data), Op.LOG, this, 0);
  }

  /** Returns √this; derivative 1/(2√x). */
  public Value sqrt() {
    return unary(Math.sqrt(data), Op.SQRT, this, 0);
  }

  /** Returns tanh(this); derivative 1 − tanh². */
  public Value tanh() {
    return unary(Math.tanh(data), Op.TANH, this, 0);
  }

  /** Returns 1/(1 + e<sup>−this</sup>), computed without overflow for any input; derivative σ(1 − σ). */
  public Value sigmoid() {
    double y = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
    return unary(y, Op.SIGMOID, this, 0);
  }

  /** Returns max(0, this); the derivative is 1 above 0 and 0 at or below 0. NaN stays NaN. */
  public Value relu() {
    return unary(Math.max(data, 0.0), Op.RELU, this, 0);
  }

  /** Returns |this|; derivative sign(x), 0 at 0 as in PyTorch. */
  public Value abs() {
    return unary(Math.abs(data), Op.ABS, this, 0);
  }

  /** Returns f(this) as one node whose backward multiplies by {@code f.derivative(x, f(x))}. */
  public Value apply(Activation f) {
    return new Value(f.apply(data), Op.APPLY, this, null, NONE, null, 0, f);
  }

  // ---- n-ary ops -------------------------------------------------------------------------------

  /** Returns Σ terms as one node; the sum of nothing is 0. */
  public static Value sum(Value... terms) {
    Value[] inputs = terms.clone();
    double total = 0;
    for (Value term : inputs) {
      total += term.data;
    }
    return new Value(total, Op.SUM, null, null, inputs, null, 0, null);
  }

  /** Returns Σ terms as one node. */
  public static Value sum(List<Value> terms) {
    return sum(terms.toArray(NONE));
  }

  /**
   * Returns Σ a<sub>i</sub>·b<sub>i</sub> as one node: ∂/∂a<sub>i</sub> = b<sub>i</sub>, ∂/∂b<sub>i</sub> =
   * a<sub>i</sub>.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value dot(Value[] a, Value[] b) {
    return dot(a, b, null);
  }

  /** Returns Σ a<sub>i</sub>·b<sub>i</sub> as one node. */
  public static Value dot(List<Value> a, List<Value> b) {
    return dot(a.toArray(NONE), b.toArray(NONE), null);
  }

  /**
   * Returns Σ w<sub>i</sub>·x<sub>i</sub> + bias as one node: a linear neuron.
   *
   * @param bias the bias, or null for none
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value dot(Value[] weights, Value[] inputs, Value bias) {
    return weighted(weights.clone(), inputs.clone(), bias, null);
  }

  /**
   * Returns f(Σ w<sub>i</sub>·x<sub>i</sub> + bias) as one node: a whole neuron, the hot path of
   * every layer. Its backward multiplies the incoming gradient by f'(s) at the weighted sum s, then
   * applies the rule of {@link #dot(Value[], Value[], Value)}.
   *
   * <p><b>The arrays are kept as given, not copied</b>, since a network calls this for every neuron
   * of every example: do not change them afterwards.
   *
   * @param bias the bias, or null for none
   * @param f the activation, or null for a linear neuron
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value neuron(Value[] weights, Value[] inputs, Value bias, Activation f) {
    return weighted(weights, inputs, bias, f);
  }

  /**
   * Returns the dot (f null) or neuron node over these arrays, checking in the same pass over the
   * inputs whether they are all on the thread's tape.
   */
  private static Value weighted(Value[] weights, Value[] inputs, Value bias, Activation f) {
    requireSameLength(weights, inputs);
    Tape tape = Tape.current();
    int id = tape.id();
    double s = bias == null ? 0 : bias.data;
    boolean inputsOnTape = onTape(bias, id);
    for (int i = 0; i < weights.length; i++) {
      Value weight = weights[i];
      Value input = inputs[i];
      s += weight.data * input.data;
      inputsOnTape &= onTapeOrLeaf(weight.tapeId, id) & onTapeOrLeaf(input.tapeId, id);
    }
    return f == null
        ? new Value(s, Op.DOT, null, bias, weights, inputs, 0, null, tape, inputsOnTape)
        : new Value(f.apply(s), Op.NEURON, null, bias, weights, inputs, s, f, tape, inputsOnTape);
  }

  private static void requireSameLength(Value[] weights, Value[] inputs) {
    if (weights.length != inputs.length) {
      throw new IllegalArgumentException(
          "dot needs two vectors of the same length, got " + weights.length + " and " + inputs.length);
    }
  }

  /**
   * Returns one node of value {@code value} over {@code inputs}, whose backward adds
   * {@code localGradients[i] · g} to input i: the way a fused n-ary function (a loss) joins the graph.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value fused(String op, double value, Value[] inputs, double[] localGradients) {
    if (inputs.length != localGradients.length) {
      throw new IllegalArgumentException("fused '" + op + "' needs one local gradient per input, got "
          + localGradients.length + " for " + inputs.length + " inputs");
    }
    return new Value(value, Op.FUSED, null, null, inputs.clone(), null, 0, new Fused(op, localGradients.clone()));
  }

  /**
   * Returns {@code loss(predictions, target)} as one node: the value from {@link Loss#value}, and a
   * backward that adds {@code ∂loss/∂prediction_i · g} from {@link Loss#gradient} to prediction i.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value loss(Loss loss, Value[] predictions, double[] target) {
    if (predictions.length != target.length) {
      throw new IllegalArgumentException("loss needs one target per prediction, got " + target.length
          + " targets for " + predictions.length + " predictions");
    }
    double[] prediction = new double[predictions.length];
    for (int i = 0; i < prediction.length; i++) {
      prediction[i] = predictions[i].data;
    }
    double[] gradient = new double[prediction.length];
    loss.gradient(prediction, target, gradient);
    return fused("loss", loss.value(prediction, target), predictions, gradient);
  }

  /** Returns {@code loss(predictions, target)} as one node. */
  public static Value loss(Loss loss, List<Value> predictions, double[] target) {
    return loss(loss, predictions.toArray(NONE), target);
  }

  /**
   * Returns the mean of {@code loss} over a batch, row r of {@code predictions} against row r of
   * {@code targets}: one {@link #loss} node per row under one sum, as torch's
   * {@code reduction='mean'} over a batch of examples.
   *
   * @throws IllegalArgumentException if the batch is empty or the row counts differ
   */
  public static Value meanLoss(Loss loss, Value[][] predictions, double[][] targets) {
    if (predictions.length == 0 || predictions.length != targets.length) {
      throw new IllegalArgumentException("meanLoss needs as many target rows as prediction rows, at least one;"
          + " got " + targets.length + " for " + predictions.length);
    }
    Value[] losses = new Value[predictions.length];
    for (int r = 0; r < losses.length; r++) {
      losses[r] = loss(loss, predictions[r], targets[r]);
    }
    return sum(losses).div(losses.length);
  }

  // ---- the chain rule --------------------------------------------------------------------------

  /**
   * Adds this node's contribution to its inputs' gradients: ∂this/∂input · this.grad. An input
   * reached for the first time in this backward pass ({@code visit}) starts from 0, unless it is
   * a leaf, whose gradient accumulates across passes.
   */
  private void propagate(int visit) {
    double g = grad;
    switch (op) {
      case ADD -> {
        a.receive(g, visit);
        b.receive(g, visit);
      }
      case ADD_CONSTANT, SUB_CONSTANT -> a.receive(g, visit);
      case SUB -> {
        a.receive(g, visit);
        b.receive(-g, visit);
      }
      case MUL -> {
        a.receive(b.data * g, visit);
        b.receive(a.data * g, visit);
      }
      case MUL_CONSTANT -> a.receive(c * g, visit);
      case DIV -> {
        a.receive(g / b.data, visit);
        b.receive(-g * a.data / (b.data * b.data), visit);
      }
      case DIV_CONSTANT -> a.receive(g / c, visit);
      case POW -> {
        a.receive(powerRule(a.data, b.data) * g, visit);
        boolean flatInExponent = a.data == 0 && b.data >= 0;
        b.receive((flatInExponent ? 0 : data * Math.log(a.data)) * g, visit);
      }
      case POW_CONSTANT -> a.receive(powerRule(a.data, c) * g, visit);
      case NEG -> a.receive(-g, visit);
      case EXP -> a.receive(data * g, visit);
      case LOG -> a.receive(g / a.data, visit);
      case SQRT -> a.receive(g / (2 * data), visit);
      case TANH -> a.receive((1 - data * data) * g, visit);
      case SIGMOID -> a.receive(data * (1 - data) * g, visit);
      case RELU -> a.receive(a.data > 0 ? g : 0, visit);
      case ABS -> a.receive(Math.signum(a.data) * g, visit);
      case APPLY -> a.receive(((Activation) extra).derivative(a.data, data) * g, visit);
      case SUM -> {
        for (Value term : many) {
          term.receive(g, visit);
        }
      }
      case DOT -> propagateWeightedSum(g, visit);
      case NEURON -> propagateWeightedSum(((Activation) extra).derivative(c, data) * g, visit);
      case FUSED -> {
        double[] local = ((Fused) extra).localGradients();
        for (int i = 0; i < many.length; i++) {
          many[i].receive(local[i] * g, visit);
        }
      }
      case LEAF -> { }
      default -> throw new AssertionError(op);
    }
  }

  private void propagateWeightedSum(double g, int visit) {
    for (int i = 0; i < many.length; i++) {
      Value weight = many[i];
      Value input = right[i];
      weight.receive(input.data * g, visit);
      input.receive(weight.data * g, visit);
    }
    if (b != null) {
      b.receive(g, visit);
    }
  }

  private void receive(double contribution, int visit) {
    if (op != Op.LEAF && visitMark != visit) {
      visitMark = visit;
      grad = 0;
    }
    grad += contribution;
  }

  // ---- backpropagation -------------------------------------------------------------------------

  /**
   * Computes the gradient of this value with respect to every node it depends on.
   *
   * <p>Two steps, as in micrograd: order the graph topologically, then apply each node's chain
   * rule in reverse order. The order is the calling thread's record of ops in creation order when
   * it holds this graph (a forward pass then its backward), and otherwise an iterative depth-first
   * sort, so a graph of millions of nodes runs on the default thread stack. This node's gradient is
   * seeded with 1. Interior gradients start from 0, so they reflect this call only; leaf gradients
   * accumulate.
   */
  public void backward() {
    int visit = VISITS.incrementAndGet();
    Tape tape = Tape.current();
    if (tape.holds(this, tapeId, tapeIndex)) {
      backwardAlongTape(tape, visit);
    } else {
      backwardBySorting(visit);
    }
  }

  private void backwardAlongTape(Tape tape, int visit) {
    receive(1, visit);
    boolean checkAnomalies = anomalyDetection;
    for (int i = tapeIndex; i >= 0; i--) {
      Value node = tape.get(i);
      if (node.visitMark == visit) {
        node.propagate(visit);
        if (checkAnomalies) {
          Anomalies.checkBackward(node);
        }
      }
    }
    tape.clear();
  }

  private void backwardBySorting(int visit) {
    Value[] order = TopologicalOrder.of(this, visit);
    for (Value node : order) {
      node.grad = 0;
    }
    grad += 1;
    boolean checkAnomalies = anomalyDetection;
    for (int i = order.length - 1; i >= 0; i--) {
      Value node = order[i];
      node.propagate(visit);
      if (checkAnomalies) {
        Anomalies.checkBackward(node);
      }
    }
  }

  /** Records this op on the thread's tape if every input that is an op is recorded there too. */
  private void recordOnTape() {
    Tape tape = Tape.current();
    int id = tape.id();
    boolean inputsOnTape = onTape(a, id) & onTape(b, id);
    for (Value input : many) {
      inputsOnTape &= onTapeOrLeaf(input.tapeId, id);
    }
    recordOn(tape, inputsOnTape);
  }

  private void recordOn(Tape tape, boolean inputsOnTape) {
    if (inputsOnTape) {
      tapeIndex = tape.record(this);
      tapeId = tapeIndex < 0 ? 0 : tape.id();
    }
  }

  private static boolean onTape(Value input, int id) {
    return input == null || onTapeOrLeaf(input.tapeId, id);
  }

  private static boolean onTapeOrLeaf(int recordedUnder, int id) {
    return recordedUnder == id | recordedUnder == ON_EVERY_TAPE;
  }

  // ---- anomaly detection -----------------------------------------------------------------------

  /**
   * Turns on or off, for every thread, a check that throws {@link ArithmeticException} naming the
   * first op whose output or input gradient is NaN or infinite while its own inputs were finite.
   * Off by default: it costs a check per node.
   */
  public static void setAnomalyDetection(boolean enabled) {
    anomalyDetection = enabled;
  }

  /** Returns whether anomaly detection is on. */
  public static boolean anomalyDetection() {
    return anomalyDetection;
  }

  @Override
  public String toString() {
    return "Value(data=" + data + ", grad=" + grad + (isLeaf() ? "" : ", op=" + op()) + ")";
  }
}
