package dev.retrograd.autograd;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;
import dev.retrograd.api.ReluRule;
import dev.retrograd.autograd.internal.Nodes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * <p>Each op's forward value is computed in its method below. A node is one of a few shapes (a
 * leaf, a unary op with its constant, a binary op, a sum, a weighted sum, a fused node, an applied
 * activation, a value made under {@code noGrad}), each with fields named for what they hold; the chain rule of every op is one case
 * in its shape's {@code propagate}, all of them together under "the chain rule" below.
 *
 * <p><b>Forward passes that need no gradient go inside {@link #noGrad()}:</b> there ops compute
 * their values but record nothing, so a loop of predictions allocates little and keeps nothing
 * alive. A value made there is a constant with no graph: {@link #backward()} on it throws, and used
 * in an op outside the scope it is an input that receives no gradient. Outside such a scope nothing
 * is kept alive either once it is dropped: a thread's record of ops holds them only weakly.
 *
 * <p><b>Threads.</b> A graph is not thread-safe, but these are fine: building and backpropagating
 * distinct graphs with no leaf in common on distinct threads; forward passes over shared leaves on
 * several threads at once (an op only reads its inputs' {@code data}); reading {@code data()} and
 * {@code grad()} anywhere while no backward pass writes them; handing a graph to another thread
 * (through a queue, a future, a join) and backpropagating it there. Two backward passes running at
 * the same time that would write the same gradients, because they reach a common leaf or common ops
 * (the ops one thread made between two of its backward passes count as one group), are detected:
 * the pass that comes second throws {@link java.util.ConcurrentModificationException} before writing
 * there, and the first completes as if alone. Not detected, and the caller's to order: changing
 * a leaf ({@link #setData}, an optimizer step, {@link #zeroGrad()}) while another thread reads it or
 * backpropagates through it.
 */
public abstract sealed class Value {

  private static final Value[] NONE = {};
  private static final AtomicInteger VISITS = new AtomicInteger();
  private static volatile boolean anomalyDetection;

  static {
    // nn's layers build their neuron nodes with weightedSum over their own arrays, without the copies
    // of the public dot: through the internal package, so that Value needs no public method for it.
    Nodes.install(Value::weightedSum);
  }

  private double data;
  private double grad;
  /** The backward pass that last reached this node (see {@link #receive}). */
  private int visitMark;
  /**
   * The id of the {@link Tape.Period} this op is recorded in; 0 if it is not, -1 for a leaf or a
   * value made under {@link #noGrad()}, which count as on every tape: {@link Tape.Chunk#tapeId}.
   */
  private int tapeId;
  /**
   * The chunk of the thread's {@link Tape} this op is recorded in (its period's off-tape chunk if it
   * is not), or {@link Tape.Chunk#EVERY_TAPE} for a leaf or a value made under {@link #noGrad()}:
   * held so that the chunk lives as long as this op does.
   */
  private Tape.Chunk chunk;

  private Value(double data) {
    this.data = data;
  }

  /** Returns a new leaf holding {@code data}, with gradient 0. */
  public static Value of(double data) {
    Value leaf = new Leaf(data);
    if (anomalyDetection) {
      Anomalies.checkForward(leaf);
    }
    return leaf;
  }

  /**
   * Opens a scope, on the calling thread, in which ops compute their values but record no graph:
   * for evaluation, prediction and pictures, as {@code torch.no_grad()}.
   *
   * <pre>{@code
   * try (var scope = Value.noGrad()) {
   *   prediction = model.call(x)[0].data();
   * }
   * }</pre>
   *
   * <p>An op inside the scope returns a value with no inputs ({@code inputs()} is empty, {@code op()}
   * names the op, {@code isLeaf()} is false), so it keeps nothing alive. {@link #backward()} on it
   * throws {@link IllegalStateException}; as an input of an op made outside the scope, it is a
   * constant, whose gradient stays 0. Scopes nest; closing one restores the state before it.
   */
  public static NoGrad noGrad() {
    return new NoGrad(Tape.current());
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

  /** Replaces this node's gradient: how a {@link CompiledGraph} writes back what its backward pass accumulated. */
  void storeGrad(double grad) {
    this.grad = grad;
  }

  /** Resets this node's gradient to 0. */
  public void zeroGrad() {
    grad = 0;
  }

  /** Returns true if this value was made by {@link #of(double)} rather than by an op. */
  public boolean isLeaf() {
    return this instanceof Leaf;
  }

  /** Returns the name of the op that made this value ({@code "+"}, {@code "tanh"}, …), "" for a leaf. */
  public abstract String op();

  /** Returns the values this one was computed from, in order; empty for a leaf. */
  public List<Value> inputs() {
    List<Value> inputs = new ArrayList<>(inputCount());
    for (int i = 0; i < inputCount(); i++) {
      inputs.add(input(i));
    }
    return inputs;
  }

  /** Returns the number of inputs, as {@link #inputs()} has them. */
  abstract int inputCount();

  /** Returns input {@code i}, as {@link #inputs()} has it, without making a list. */
  abstract Value input(int i);

  /** Returns whether backward pass {@code visit} has reached this node. */
  boolean visited(int visit) {
    return visitMark == visit;
  }

  /** Marks this node as reached by backward pass {@code visit}. */
  void markVisited(int visit) {
    visitMark = visit;
  }

  // ---- binary ops ------------------------------------------------------------------------------

  /** Returns this + other. */
  public Value add(Value other) {
    return binary(BinaryOp.ADD, data + other.data, this, other);
  }

  /** Returns this + c. */
  public Value add(double c) {
    return unary(UnaryOp.ADD_CONSTANT, data + c, this, c);
  }

  /** Returns this − other. */
  public Value sub(Value other) {
    return binary(BinaryOp.SUB, data - other.data, this, other);
  }

  /** Returns this − c. */
  public Value sub(double c) {
    return unary(UnaryOp.SUB_CONSTANT, data - c, this, c);
  }

  /** Returns this · other. */
  public Value mul(Value other) {
    return binary(BinaryOp.MUL, data * other.data, this, other);
  }

  /** Returns this · c. */
  public Value mul(double c) {
    return unary(UnaryOp.MUL_CONSTANT, data * c, this, c);
  }

  /** Returns this / other; ∂/∂this = 1/other, ∂/∂other = −this/other². */
  public Value div(Value other) {
    return binary(BinaryOp.DIV, data / other.data, this, other);
  }

  /** Returns this / c. */
  public Value div(double c) {
    return unary(UnaryOp.DIV_CONSTANT, data / c, this, c);
  }

  /**
   * Returns this<sup>exponent</sup>, differentiated in both the base and the exponent.
   *
   * <p>∂/∂base = e·base<sup>e−1</sup> (0 when e = 0); ∂/∂exponent = base<sup>e</sup>·ln(base), taken as 0
   * where base = 0 and e ≥ 0, as {@code torch.pow} does.
   */
  public Value pow(Value exponent) {
    return binary(BinaryOp.POW, Math.pow(data, exponent.data), this, exponent);
  }

  /** Returns this<sup>n</sup>; the derivative n·x<sup>n−1</sup> is 0 when n = 0, as in PyTorch. */
  public Value pow(double n) {
    return unary(UnaryOp.POW_CONSTANT, Math.pow(data, n), this, n);
  }

  // ---- unary ops -------------------------------------------------------------------------------

  /** Returns −this. */
  public Value neg() {
    return unary(UnaryOp.NEG, -data, this, 0);
  }

  /** Returns e<sup>this</sup>; its derivative is itself. */
  public Value exp() {
    return unary(UnaryOp.EXP, Math.exp(data), this, 0);
  }

  /** Returns ln(this): -Infinity at 0 and NaN below, as IEEE 754 says; derivative 1/x. */
  public Value log() {
    return unary(UnaryOp.LOG, Math.log(data), this, 0);
  }

  /** Returns √this; derivative 1/(2√x). */
  public Value sqrt() {
    return unary(UnaryOp.SQRT, Math.sqrt(data), this, 0);
  }

  /** Returns tanh(this); derivative 1 − tanh². */
  public Value tanh() {
    return unary(UnaryOp.TANH, Math.tanh(data), this, 0);
  }

  /** Returns 1/(1 + e<sup>−this</sup>), computed without overflow for any input; derivative σ(1 − σ). */
  public Value sigmoid() {
    double y = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
    return unary(UnaryOp.SIGMOID, y, this, 0);
  }

  /**
   * Returns max(0, this) by {@link ReluRule}, PyTorch's rule, which the {@code relu} plugin shares:
   * the derivative is 1 above 0 and 0 at or below 0; NaN stays NaN and passes its gradient.
   */
  public Value relu() {
    return unary(UnaryOp.RELU, ReluRule.apply(data), this, 0);
  }

  /** Returns |this|; derivative sign(x), 0 at 0 as in PyTorch. */
  public Value abs() {
    return unary(UnaryOp.ABS, Math.abs(data), this, 0);
  }

  /** Returns f(this) as one node whose backward multiplies by {@code f.derivative(x, f(x))}. */
  public Value apply(Activation f) {
    return applied(f.apply(data), f, this);
  }

  // ---- n-ary ops -------------------------------------------------------------------------------

  /** Returns Σ terms as one node; the sum of nothing is 0. */
  public static Value sum(Value... terms) {
    return sumOf(terms.clone());
  }

  /** Returns Σ terms as one node. */
  public static Value sum(List<Value> terms) {
    return sumOf(terms.toArray(NONE));
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
    return weightedSum(a.toArray(NONE), b.toArray(NONE), null, null);
  }

  /**
   * Returns Σ w<sub>i</sub>·x<sub>i</sub> + bias as one node: a linear neuron. Both arrays are copied.
   * A whole neuron f(w·x + b) is {@code Value.dot(w, x, b).apply(f)}.
   *
   * @param bias the bias, or null for none
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value dot(Value[] weights, Value[] inputs, Value bias) {
    return weightedSum(weights.clone(), inputs.clone(), bias, null);
  }

  /**
   * Returns one node of value {@code value} over {@code inputs}, whose backward adds
   * {@code localGradients[i] · g} to input i: the way a fused n-ary function (a loss) joins the graph.
   * Both arrays are copied, so later changes to them do not reach the node.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value fused(String op, double value, Value[] inputs, double[] localGradients) {
    return fusedOf(op, value, inputs.clone(), localGradients.clone(), null, null);
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
    return fusedOf("loss", loss.value(prediction, target), predictions.clone(), gradient, loss, target.clone());
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
    return sumOf(losses).div(losses.length);
  }

  // ---- compiled replay -------------------------------------------------------------------------

  /**
   * Records the graph of {@code output} once, as flat arrays, for replaying its forward and backward
   * passes with new leaf values and no allocation: see {@link CompiledGraph}.
   *
   * <pre>{@code
   * Value x = Value.of(0);                          // an input: set it before each replay
   * Value loss = model.call(x)[0].sub(target).pow(2);
   * CompiledGraph step = Value.compile(loss);       // right after building, before backward()
   * x.setData(0.7);
   * step.forward();                                 // recomputes every node from the leaves' data
   * step.backward();                                // adds ∂loss/∂leaf into each leaf's grad
   * }</pre>
   *
   * <p><b>The structure is frozen at compile time, as with {@code torch.jit.trace}</b>: which ops, on
   * which inputs, in which order. Only the numbers change on a replay; ops whose branch depends on
   * the data (relu, abs, a hinge built from relu) decide again on every replay.
   *
   * @throws IllegalStateException if {@code output} was made inside {@link #noGrad()}
   */
  public static CompiledGraph compile(Value output) {
    return CompiledGraph.of(output, java.util.Set.of());
  }

  /**
   * As {@link #compile(Value)}, but {@code inputsWithoutGradient}, leaves whose gradient the caller
   * does not want (the inputs of a network, typically), receive none: their {@code grad()} stays as
   * it is, and the replay skips the work. Every other leaf gets exactly what {@link #compile(Value)}
   * gives it.
   *
   * @throws IllegalStateException if {@code output} was made inside {@link #noGrad()}
   * @throws IllegalArgumentException if one of {@code inputsWithoutGradient} is not a leaf
   */
  public static CompiledGraph compile(Value output, java.util.Collection<Value> inputsWithoutGradient) {
    return CompiledGraph.of(output, inputsWithoutGradient);
  }

  /**
   * Returns the ops that {@link #backward()} would walk along the calling thread's record of ops,
   * in creation order up to and including this one, if this value is on it; otherwise null. The list
   * may hold ops this value does not depend on.
   */
  Value[] recordedOrder() {
    Tape tape = Tape.current();
    int index = tapeId == Tape.Chunk.EVERY_TAPE_ID ? -1 : tape.indexOf(this, tapeId, chunk);
    if (index < 0) {
      return null;
    }
    Tape.Period period = chunk.period;
    List<Value> ops = new ArrayList<>();
    for (int k = 0; k <= chunk.ordinal; k++) {
      Tape.Chunk recorded = period.chunk(k);
      if (recorded == null) {
        continue;
      }
      int last = k == chunk.ordinal ? index : recorded.size() - 1;
      for (int i = 0; i <= last; i++) {
        ops.add(recorded.get(i));
      }
    }
    return ops.toArray(NONE);
  }

  /** Returns whether this value was made inside {@link #noGrad()}, a constant with no graph. */
  boolean isUntracked() {
    return this instanceof Untracked;
  }

  // ---- one factory per node shape --------------------------------------------------------------
  //
  // Each factory makes the node, records it on the thread's tape when every input is there (or is a
  // leaf), and runs the anomaly check. A factory owns the arrays it is given. The n-ary factories
  // also compute the forward value (a sum, a weighted sum), in the same pass over the inputs that
  // checks the tape. Inside a noGrad scope the chunk is NOWHERE and a factory makes an Untracked node
  // instead, with no inputs (the full node only for the anomaly check, when that is on).

  private static Value unary(UnaryOp op, double y, Value x, double constant) {
    Tape.Chunk chunk = Tape.current().recordingChunk();
    if (chunk == Tape.Chunk.NOWHERE) {
      return untracked(y, op.symbol, anomalyDetection ? new Unary(y, op, x, constant) : null);
    }
    return record(chunk, new Unary(y, op, x, constant), x.isOn(chunk));
  }

  private static Value binary(BinaryOp op, double y, Value left, Value right) {
    Tape.Chunk chunk = Tape.current().recordingChunk();
    if (chunk == Tape.Chunk.NOWHERE) {
      return untracked(y, op.symbol, anomalyDetection ? new Binary(y, op, left, right) : null);
    }
    return record(chunk, new Binary(y, op, left, right), left.isOn(chunk) & right.isOn(chunk));
  }

  private static Value sumOf(Value[] terms) {
    Tape.Chunk chunk = Tape.current().recordingChunk();
    double total = 0;
    boolean termsOnTape = true;
    for (Value term : terms) {
      total += term.data;
      termsOnTape &= term.isOn(chunk);
    }
    if (chunk == Tape.Chunk.NOWHERE) {
      return untracked(total, "sum", anomalyDetection ? new Sum(total, terms) : null);
    }
    return record(chunk, new Sum(total, terms), termsOnTape);
  }

  /**
   * Returns the dot (f null) or neuron node f(Σ w<sub>i</sub>·x<sub>i</sub> + bias) over these very
   * arrays, checking in the same pass over the inputs whether they are all on the thread's tape.
   */
  private static Value weightedSum(Value[] weights, Value[] inputs, Value bias, Activation f) {
    if (weights.length != inputs.length) {
      throw new IllegalArgumentException(
          "dot needs two vectors of the same length, got " + weights.length + " and " + inputs.length);
    }
    Tape.Chunk chunk = Tape.current().recordingChunk();
    double s = bias == null ? 0 : bias.data;
    boolean inputsOnTape = bias == null || bias.isOn(chunk);
    for (int i = 0; i < weights.length; i++) {
      Value weight = weights[i];
      Value input = inputs[i];
      s += weight.data * input.data;
      inputsOnTape &= weight.isOn(chunk) & input.isOn(chunk);
    }
    double y = f == null ? s : f.apply(s);
    if (chunk == Tape.Chunk.NOWHERE) {
      return untracked(y, f == null ? "dot" : "neuron",
          anomalyDetection ? new WeightedSum(y, weights, inputs, bias, f, s) : null);
    }
    return record(chunk, new WeightedSum(y, weights, inputs, bias, f, s), inputsOnTape);
  }

  private static Value fusedOf(String name, double value, Value[] inputs, double[] localGradients, Loss loss,
      double[] target) {
    if (inputs.length != localGradients.length) {
      throw new IllegalArgumentException("fused '" + name + "' needs one local gradient per input, got "
          + localGradients.length + " for " + inputs.length + " inputs");
    }
    Tape.Chunk chunk = Tape.current().recordingChunk();
    if (chunk == Tape.Chunk.NOWHERE) {
      return untracked(value, name,
          anomalyDetection ? new Fused(value, name, inputs, localGradients, loss, target) : null);
    }
    boolean inputsOnTape = true;
    for (Value input : inputs) {
      inputsOnTape &= input.isOn(chunk);
    }
    return record(chunk, new Fused(value, name, inputs, localGradients, loss, target), inputsOnTape);
  }

  private static Value applied(double y, Activation f, Value x) {
    Tape.Chunk chunk = Tape.current().recordingChunk();
    if (chunk == Tape.Chunk.NOWHERE) {
      return untracked(y, "apply", anomalyDetection ? new Applied(y, f, x) : null);
    }
    return record(chunk, new Applied(y, f, x), x.isOn(chunk));
  }

  /** Returns whether this value is recorded in the period of {@code current}, or needs no record. */
  private boolean isOn(Tape.Chunk current) {
    return tapeId == current.tapeId | tapeId == Tape.Chunk.EVERY_TAPE_ID;
  }

  /**
   * Records the new op {@code node} in {@code chunk} if its inputs are all on the tape (else in the
   * period's off-tape chunk), checks it, returns it.
   */
  private static Value record(Tape.Chunk chunk, Value node, boolean inputsOnTape) {
    if (inputsOnTape) {
      node.chunk = chunk;
      node.tapeId = chunk.tapeId;
      chunk.add(node);
    } else {
      node.chunk = chunk.period.offTape;
    }
    if (anomalyDetection) {
      Anomalies.checkForward(node);
    }
    return node;
  }

  /** Returns a value {@code y} made by {@code op} with no graph; checks {@code checked} if not null. */
  private static Value untracked(double y, String op, Value checked) {
    if (checked != null) {
      Anomalies.checkForward(checked);
    }
    return new Untracked(y, op);
  }

  // ---- the chain rule --------------------------------------------------------------------------
  //
  // Each shape's propagate(y, g, pass) adds ∂y/∂input · g to each input's gradient, where y is the
  // node's output and g its gradient: one case per op.

  /**
   * Adds this node's contribution to its inputs' gradients, given its output {@code y} and its
   * gradient {@code g}. An input reached for the first time by backward {@code pass} starts from 0,
   * unless it is a leaf, whose gradient accumulates across passes.
   */
  abstract void propagate(double y, double g, BackwardPass pass);

  /**
   * Adds {@code contribution} to this node's gradient: the {@code +=} by which a value used twice
   * gets both contributions. An op not yet reached by {@code pass} first starts from 0; a leaf is
   * claimed by the pass (see {@link ClaimHolder}) and keeps accumulating across passes, or, held by
   * another running pass, is noted on {@code pass} as a conflict and left unwritten; a value made
   * under {@link #noGrad()} takes no gradient.
   */
  private void receive(double contribution, BackwardPass pass) {
    if (visitMark != pass.visit) {
      if (tapeId != Tape.Chunk.EVERY_TAPE_ID) {
        grad = 0;
      } else if (!(this instanceof Leaf leaf && leaf.claim(pass))) {
        return;   // a value made under noGrad takes no gradient; a leaf another pass holds is not written
      }
      visitMark = pass.visit;
    }
    grad += contribution;
  }

  /** Returns whether this value was made by an op that recorded its inputs: neither a leaf nor a constant. */
  boolean hasGraph() {
    return chunk.period != null;
  }

  /**
   * Claims this op, by its period, for the calling thread's running backward pass.
   *
   * @throws java.util.ConcurrentModificationException if another thread's running pass holds it
   */
  void claim() {
    chunk.period.claim(this);
  }

  /** The ops of one input and an optional constant c. */
  enum UnaryOp {
    ADD_CONSTANT("+"), SUB_CONSTANT("-"), MUL_CONSTANT("*"), DIV_CONSTANT("/"), POW_CONSTANT("pow"),
    NEG("neg"), EXP("exp"), LOG("log"), SQRT("sqrt"), TANH("tanh"), SIGMOID("sigmoid"), RELU("relu"),
    ABS("abs");

    final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /** The ops of two inputs. */
  enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("pow");

    final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /** A number made by {@link #of(double)}: no inputs, nothing to propagate. */
  static final class Leaf extends Value {

    private static final VarHandle CLAIMED_BY;

    static {
      try {
        CLAIMED_BY = MethodHandles.lookup().findVarHandle(Leaf.class, "claimedBy", ClaimHolder.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    /**
     * The holder whose passes claimed this leaf last; set through {@link #CLAIMED_BY}. Not volatile:
     * a volatile read here, in backward's inner loops, makes them a fifth slower. A plain read that
     * finds this thread's own holder is enough (see {@link ClaimHolder#start()}); any other value is
     * checked again by the compare-and-set.
     */
    private ClaimHolder claimedBy;

    Leaf(double data) {
      super(data);
      super.chunk = Tape.Chunk.EVERY_TAPE;
      super.tapeId = Tape.Chunk.EVERY_TAPE_ID;
    }

    /**
     * Claims this leaf for {@code pass} and returns true, or notes a conflict on the pass and returns
     * false if another thread's pass is using it (see {@link ClaimHolder}). It sits in backward's
     * inner loops, so the usual case, a leaf this thread's passes already hold, is one plain read;
     * the rest is in {@link #claimFromAnother}, which runs once per leaf and thread.
     */
    boolean claim(BackwardPass pass) {
      ClaimHolder owner = claimedBy;
      return owner == pass.holder || claimFromAnother(pass, owner);
    }

    /**
     * Takes this leaf from {@code owner}, the holder that claimed it last (null if none), for
     * {@code pass}: refused if its pass is running, or if another thread swaps the owner first (it
     * does so for a running pass), or if the former owner started a pass meanwhile.
     */
    private boolean claimFromAnother(BackwardPass pass, ClaimHolder owner) {
      if (owner != null && owner.running() > 0) {
        return pass.conflict(this, owner);
      }
      if (!CLAIMED_BY.compareAndSet(this, owner, pass.holder)) {
        return pass.conflict(this, (ClaimHolder) CLAIMED_BY.getVolatile(this));
      }
      return owner == null || owner.running() == 0 || pass.conflict(this, owner);
    }

    @Override
    public String op() {
      return "";
    }

    @Override
    int inputCount() {
      return 0;
    }

    @Override
    Value input(int i) {
      throw new IndexOutOfBoundsException("a leaf has no inputs, asked for input " + i);
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {}
  }

  /** y = op(x) for its one input x, or op(x, c) for x + c, x − c, x·c, x/c and x<sup>c</sup>. */
  static final class Unary extends Value {

    final UnaryOp op;
    final Value input;
    /** The c of x + c, x − c, x·c, x/c or x<sup>c</sup>; 0 for the ops without one. */
    final double constant;

    Unary(double y, UnaryOp op, Value input, double constant) {
      super(y);
      this.op = op;
      this.input = input;
      this.constant = constant;
    }

    @Override
    public String op() {
      return op.symbol;
    }

    @Override
    int inputCount() {
      return 1;
    }

    @Override
    Value input(int i) {
      Objects.checkIndex(i, 1);
      return input;
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {
      double x = input.data;
      double c = constant;
      input.receive(switch (op) {
        case ADD_CONSTANT, SUB_CONSTANT -> g;
        case MUL_CONSTANT -> c * g;
        case DIV_CONSTANT -> g / c;
        case POW_CONSTANT -> powerRule(x, c) * g;
        case NEG -> -g;
        case EXP -> y * g;
        case LOG -> g / x;
        case SQRT -> g / (2 * y);
        case TANH -> (1 - y * y) * g;
        case SIGMOID -> y * (1 - y) * g;
        case RELU -> ReluRule.passesGradient(x) ? g : 0;
        case ABS -> Math.signum(x) * g;
      }, pass);
    }
  }

  /** y = left op right. */
  static final class Binary extends Value {

    final BinaryOp op;
    final Value left;
    final Value right;

    Binary(double y, BinaryOp op, Value left, Value right) {
      super(y);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public String op() {
      return op.symbol;
    }

    @Override
    int inputCount() {
      return 2;
    }

    @Override
    Value input(int i) {
      return Objects.checkIndex(i, 2) == 0 ? left : right;
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {
      double l = left.data;
      double r = right.data;
      switch (op) {
        case ADD -> {
          left.receive(g, pass);
          right.receive(g, pass);
        }
        case SUB -> {
          left.receive(g, pass);
          right.receive(-g, pass);
        }
        case MUL -> {
          left.receive(r * g, pass);
          right.receive(l * g, pass);
        }
        case DIV -> {
          left.receive(g / r, pass);
          right.receive(-g * l / (r * r), pass);
        }
        case POW -> {
          left.receive(powerRule(l, r) * g, pass);
          boolean flatInExponent = l == 0 && r >= 0;
          right.receive((flatInExponent ? 0 : y * Math.log(l)) * g, pass);
        }
      }
    }
  }

  /** Returns e·base<sup>e−1</sup>, the derivative of base<sup>e</sup> in the base; 0 when e = 0. */
  static double powerRule(double base, double exponent) {
    return exponent == 0 ? 0 : exponent * Math.pow(base, exponent - 1);
  }

  /** y = Σ terms. */
  static final class Sum extends Value {

    final Value[] terms;

    Sum(double y, Value[] terms) {
      super(y);
      this.terms = terms;
    }

    @Override
    public String op() {
      return "sum";
    }

    @Override
    int inputCount() {
      return terms.length;
    }

    @Override
    Value input(int i) {
      return terms[i];
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {
      for (Value term : terms) {
        term.receive(g, pass);
      }
    }
  }

  /**
   * y = f(s) with s = Σ weights<sub>i</sub>·inputs<sub>i</sub> + bias: a neuron, or a dot product
   * when there is no activation f (then y = s). Its inputs, as {@link #inputs()} lists them, are the
   * weights, then the inputs, then the bias if there is one.
   */
  static final class WeightedSum extends Value {

    final Value[] weights;
    final Value[] inputs;
    /** The bias, or null for none. */
    final Value bias;
    /** The activation f, or null for a plain weighted sum. */
    final Activation activation;
    /** The weighted sum s that f was applied to. */
    final double preActivation;

    WeightedSum(double y, Value[] weights, Value[] inputs, Value bias, Activation activation, double preActivation) {
      super(y);
      this.weights = weights;
      this.inputs = inputs;
      this.bias = bias;
      this.activation = activation;
      this.preActivation = preActivation;
    }

    @Override
    public String op() {
      return activation == null ? "dot" : "neuron";
    }

    @Override
    int inputCount() {
      return weights.length + inputs.length + (bias == null ? 0 : 1);
    }

    @Override
    Value input(int i) {
      Objects.checkIndex(i, inputCount());
      return i < weights.length ? weights[i] : i < weights.length + inputs.length ? inputs[i - weights.length] : bias;
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {
      double gs = activation == null ? g : activation.derivative(preActivation, y) * g;
      for (int i = 0; i < weights.length; i++) {
        Value weight = weights[i];
        Value input = inputs[i];
        weight.receive(input.data * gs, pass);
        input.receive(weight.data * gs, pass);
      }
      if (bias != null) {
        bias.receive(gs, pass);
      }
    }
  }

  /** y = a fused function of its inputs (a loss), with ∂y/∂inputs<sub>i</sub> = localGradients<sub>i</sub>. */
  static final class Fused extends Value {

    final String name;
    final Value[] inputs;
    final double[] localGradients;
    /** The loss plugin this node computes, or null for a node made by {@link #fused}. */
    final Loss loss;
    /** The target of {@link #loss}, a copy the node owns; null for a node made by {@link #fused}. */
    final double[] target;

    Fused(double y, String name, Value[] inputs, double[] localGradients, Loss loss, double[] target) {
      super(y);
      this.name = name;
      this.inputs = inputs;
      this.localGradients = localGradients;
      this.loss = loss;
      this.target = target;
    }

    @Override
    public String op() {
      return name;
    }

    @Override
    int inputCount() {
      return inputs.length;
    }

    @Override
    Value input(int i) {
      return inputs[i];
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {
      for (int i = 0; i < inputs.length; i++) {
        inputs[i].receive(localGradients[i] * g, pass);
      }
    }
  }

  /** y = activation(x), an {@link Activation} plugin as one node. */
  static final class Applied extends Value {

    final Activation activation;
    final Value input;

    Applied(double y, Activation activation, Value input) {
      super(y);
      this.activation = activation;
      this.input = input;
    }

    @Override
    public String op() {
      return "apply";
    }

    @Override
    int inputCount() {
      return 1;
    }

    @Override
    Value input(int i) {
      Objects.checkIndex(i, 1);
      return input;
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {
      input.receive(activation.derivative(input.data, y) * g, pass);
    }
  }

  /** y computed by an op inside {@link #noGrad()}: a constant that keeps no inputs. */
  static final class Untracked extends Value {

    final String op;

    Untracked(double y, String op) {
      super(y);
      this.op = op;
      super.chunk = Tape.Chunk.EVERY_TAPE;
      super.tapeId = Tape.Chunk.EVERY_TAPE_ID;
    }

    @Override
    public String op() {
      return op;
    }

    @Override
    int inputCount() {
      return 0;
    }

    @Override
    Value input(int i) {
      throw new IndexOutOfBoundsException("a value made under noGrad keeps no inputs, asked for input " + i);
    }

    @Override
    void propagate(double y, double g, BackwardPass pass) {}
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
   *
   * <p>Passes on several threads at once follow the rules in the class comment: one that would
   * write gradients another running pass is writing throws before it writes them.
   *
   * @throws IllegalStateException if this value was made inside {@link #noGrad()}, so has no graph
   * @throws java.util.ConcurrentModificationException if another backward pass that is running now
   *     reaches a leaf or an op of this graph
   */
  public void backward() {
    if (this instanceof Untracked) {
      throw new IllegalStateException("backward() needs a graph, but this value ('" + op() + "', data " + data
          + ") was computed inside a Value.noGrad() scope, which records none. Compute it outside the scope to"
          + " differentiate it.");
    }
    Tape tape = Tape.current();
    ClaimHolder claims = tape.claimHolder();
    BackwardPass pass = new BackwardPass(VISITS.incrementAndGet(), claims);
    claims.start();
    try {
      int index = tape.indexOf(this, tapeId, chunk);
      if (index >= 0) {
        backwardAlongTape(tape, pass, index);
      } else {
        backwardBySorting(pass);
      }
    } finally {
      claims.end();
    }
  }

  private void backwardAlongTape(Tape tape, BackwardPass pass, int tapeIndex) {
    int visit = pass.visit;
    Tape.Period period = chunk.period;
    claim();
    receive(1, pass);
    boolean checkAnomalies = anomalyDetection;
    for (int k = chunk.ordinal; k >= 0; k--) {
      Tape.Chunk recorded = period.chunk(k);
      if (recorded == null) {
        continue;
      }
      for (int i = k == chunk.ordinal ? tapeIndex : recorded.size() - 1; i >= 0; i--) {
        Value node = recorded.get(i);
        if (node.visitMark == visit) {
          node.propagate(node.data, node.grad, pass);
          pass.throwIfConflict();
          if (checkAnomalies) {
            Anomalies.checkBackward(node);
          }
        }
      }
    }
    tape.end(period);
  }

  private void backwardBySorting(BackwardPass pass) {
    Value[] order = TopologicalOrder.of(this, pass.visit);
    for (Value node : order) {
      node.grad = 0;
    }
    if (isLeaf()) {
      receive(1, pass);
      pass.throwIfConflict();
    } else {
      grad += 1;
    }
    boolean checkAnomalies = anomalyDetection;
    for (int i = order.length - 1; i >= 0; i--) {
      Value node = order[i];
      node.propagate(node.data, node.grad, pass);
      pass.throwIfConflict();
      if (checkAnomalies) {
        Anomalies.checkBackward(node);
      }
    }
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
