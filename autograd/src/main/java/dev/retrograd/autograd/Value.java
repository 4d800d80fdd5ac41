package dev.retrograd.autograd;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scalar in a computation graph, with the gradient of some output with respect to it.
 *
 * <p>Every op computes its output and, right beside it, the chain rule that sends the output's
 * gradient back to its inputs. {@link #backward()} runs those rules from this node back to every
 * leaf:
 *
 * <pre>{@code
 * Value a = Value.of(-4.0);
 * Value b = Value.of(2.0);
 * Value c = a.add(b);                    // c = a + b
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
 * <p>A graph is not thread-safe; distinct graphs may be built and differentiated concurrently.
 */
public final class Value {

  /** The chain rule of one op: adds the op's contribution to its inputs' gradients. */
  @FunctionalInterface
  private interface Backward {
    void propagate(double outputGradient);
  }

  private static final Value[] NO_INPUTS = {};
  private static final AtomicInteger VISITS = new AtomicInteger();
  private static volatile boolean anomalyDetection;

  private double data;
  private double grad;
  private final String op;
  private final Value[] inputs;
  private final Backward backward;
  private int visitMark;

  private Value(double data, String op, Value[] inputs, Backward backward) {
    this.data = data;
    this.op = op;
    this.inputs = inputs;
    this.backward = backward;
    if (anomalyDetection) {
      Anomalies.checkForward(this);
    }
  }

  /** Returns a new leaf holding {@code data}, with gradient 0. */
  public static Value of(double data) {
    return new Value(data, "", NO_INPUTS, null);
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
          "setData is for leaves; this value is the output of '" + op + "'. Create a leaf with Value.of.");
    }
    this.data = data;
  }

  /** Resets this node's gradient to 0. */
  public void zeroGrad() {
    grad = 0;
  }

  /** Returns true if this value was made by {@link #of(double)} rather than by an op. */
  public boolean isLeaf() {
    return backward == null;
  }

  /** Returns the name of the op that made this value ({@code "+"}, {@code "tanh"}, …), "" for a leaf. */
  public String op() {
    return op;
  }

  /** Returns the values this one was computed from, in order; empty for a leaf. */
  public List<Value> inputs() {
    return List.of(inputs);
  }

  // ---- binary ops ------------------------------------------------------------------------------

  /** Returns this + other. */
  public Value add(Value other) {
    return new Value(data + other.data, "+", new Value[] {this, other}, g -> {
      grad += g;
      other.grad += g;
    });
  }

  /** Returns this + c. */
  public Value add(double c) {
    return new Value(data + c, "+", new Value[] {this}, g -> grad += g);
  }

  /** Returns this − other. */
  public Value sub(Value other) {
    return new Value(data - other.data, "-", new Value[] {this, other}, g -> {
      grad += g;
      other.grad -= g;
    });
  }

  /** Returns this − c. */
  public Value sub(double c) {
    return new Value(data - c, "-", new Value[] {this}, g -> grad += g);
  }

  /** Returns this · other. */
  public Value mul(Value other) {
    return new Value(data * other.data, "*", new Value[] {this, other}, g -> {
      grad += other.data * g;
      other.grad += data * g;
    });
  }

  /** Returns this · c. */
  public Value mul(double c) {
    return new Value(data * c, "*", new Value[] {this}, g -> grad += c * g);
  }

  /** Returns this / other; ∂/∂this = 1/other, ∂/∂other = −this/other². */
  public Value div(Value other) {
    return new Value(data / other.data, "/", new Value[] {this, other}, g -> {
      grad += g / other.data;
      other.grad -= g * data / (other.data * other.data);
    });
  }

  /** Returns this / c. */
  public Value div(double c) {
    return new Value(data / c, "/", new Value[] {this}, g -> grad += g / c);
  }

  /**
   * Returns this<sup>exponent</sup>, differentiated in both the base and the exponent.
   *
   * <p>∂/∂base = e·base<sup>e−1</sup> (0 when e = 0); ∂/∂exponent = base<sup>e</sup>·ln(base), taken as 0
   * where base = 0 and e ≥ 0, as {@code torch.pow} does.
   */
  public Value pow(Value exponent) {
    double y = Math.pow(data, exponent.data);
    return new Value(y, "pow", new Value[] {this, exponent}, g -> {
      grad += powerRule(data, exponent.data) * g;
      boolean flatInExponent = data == 0 && exponent.data >= 0;
      exponent.grad += (flatInExponent ? 0 : y * Math.log(data)) * g;
    });
  }

  /** Returns this<sup>n</sup>; the derivative n·x<sup>n−1</sup> is 0 when n = 0, as in PyTorch. */
  public Value pow(double n) {
    return new Value(Math.pow(data, n), "pow", new Value[] {this}, g -> grad += powerRule(data, n) * g);
  }

  private static double powerRule(double base, double exponent) {
    return exponent == 0 ? 0 : exponent * Math.pow(base, exponent - 1);
  }

  // ---- unary ops -------------------------------------------------------------------------------

  /** Returns −this. */
  public Value neg() {
    return new Value(-data, "neg", new Value[] {this}, g -> grad -= g);
  }

  /** Returns e<sup>this</sup>; its derivative is itself. */
  public Value exp() {
    double y = Math.exp(data);
    return new Value(y, "exp", new Value[] {this}, g -> grad += y * g);
  }

  /** Returns ln(this): -Infinity at 0 and NaN below, as IEEE 754 says; derivative 1/x. */
  public Value log() {
    return new Value(Math.log(data), "log", new Value[] {this}, g -> grad += g / data);
  }

  /** Returns √this; derivative 1/(2√x). */
  public Value sqrt() {
    double y = Math.sqrt(data);
    return new Value(y, "sqrt", new Value[] {this}, g -> grad += g / (2 * y));
  }

  /** Returns tanh(this); derivative 1 − tanh². */
  public Value tanh() {
    double y = Math.tanh(data);
    return new Value(y, "tanh", new Value[] {this}, g -> grad += (1 - y * y) * g);
  }

  /** Returns 1/(1 + e<sup>−this</sup>), computed without overflow for any input; derivative σ(1 − σ). */
  public Value sigmoid() {
    double y = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
    return new Value(y, "sigmoid", new Value[] {this}, g -> grad += y * (1 - y) * g);
  }

  /** Returns max(0, this); the derivative is 1 above 0 and 0 at or below 0. NaN stays NaN. */
  public Value relu() {
    return new Value(Math.max(data, 0.0), "relu", new Value[] {this}, g -> grad += data > 0 ? g : 0);
  }

  /** Returns |this|; derivative sign(x), 0 at 0 as in PyTorch. */
  public Value abs() {
    return new Value(Math.abs(data), "abs", new Value[] {this}, g -> grad += Math.signum(data) * g);
  }

  /** Returns f(this) as one node whose backward multiplies by {@code f.derivative(x, f(x))}. */
  public Value apply(Activation f) {
    double x = data;
    double y = f.apply(x);
    return new Value(y, "apply", new Value[] {this}, g -> grad += f.derivative(x, y) * g);
  }

  // ---- n-ary ops -------------------------------------------------------------------------------

  /** Returns Σ terms as one node; the sum of nothing is 0. */
  public static Value sum(Value... terms) {
    Value[] inputs = terms.clone();
    double total = 0;
    for (Value term : inputs) {
      total += term.data;
    }
    return new Value(total, "sum", inputs, g -> {
      for (Value term : inputs) {
        term.grad += g;
      }
    });
  }

  /** Returns Σ terms as one node. */
  public static Value sum(List<Value> terms) {
    return sum(terms.toArray(NO_INPUTS));
  }

  /**
   * Returns Σ a<sub>i</sub>·b<sub>i</sub> as one node: ∂/∂a<sub>i</sub> = b<sub>i</sub>, ∂/∂b<sub>i</sub> =
   * a<sub>i</sub>.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value dot(Value[] a, Value[] b) {
    return weightedSum(a, b, null);
  }

  /** Returns Σ a<sub>i</sub>·b<sub>i</sub> as one node. */
  public static Value dot(List<Value> a, List<Value> b) {
    return weightedSum(a.toArray(NO_INPUTS), b.toArray(NO_INPUTS), null);
  }

  /**
   * Returns Σ w<sub>i</sub>·x<sub>i</sub> + bias as one node: a neuron's weighted sum, the hot path of
   * every layer.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value dot(Value[] weights, Value[] inputs, Value bias) {
    return weightedSum(weights, inputs, bias);
  }

  private static Value weightedSum(Value[] a, Value[] b, Value bias) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "dot needs two vectors of the same length, got " + a.length + " and " + b.length);
    }
    int n = a.length;
    Value[] inputs = Arrays.copyOf(a, 2 * n + (bias == null ? 0 : 1));
    System.arraycopy(b, 0, inputs, n, n);
    double total = bias == null ? 0 : bias.data;
    if (bias != null) {
      inputs[2 * n] = bias;
    }
    for (int i = 0; i < n; i++) {
      total += a[i].data * b[i].data;
    }
    return new Value(total, "dot", inputs, g -> {
      for (int i = 0; i < n; i++) {
        Value left = inputs[i];
        Value right = inputs[n + i];
        left.grad += right.data * g;
        right.grad += left.data * g;
      }
      if (bias != null) {
        bias.grad += g;
      }
    });
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
    Value[] in = inputs.clone();
    double[] local = localGradients.clone();
    return new Value(value, op, in, g -> {
      for (int i = 0; i < in.length; i++) {
        in[i].grad += local[i] * g;
      }
    });
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
    return loss(loss, predictions.toArray(NO_INPUTS), target);
  }

  // ---- backpropagation -------------------------------------------------------------------------

  /**
   * Computes the gradient of this value with respect to every node it depends on.
   *
   * <p>Two steps, as in micrograd: order the graph topologically (iteratively, so a graph of
   * millions of nodes runs on the default thread stack), then apply each node's chain rule in
   * reverse order. This node's gradient is seeded with 1. Interior gradients are reset first, so
   * they reflect this call only; leaf gradients accumulate.
   */
  public void backward() {
    Value[] order = interiorNodesInTopologicalOrder();
    for (Value node : order) {
      node.grad = 0;
    }
    grad += 1;
    boolean checkAnomalies = anomalyDetection;
    for (int i = order.length - 1; i >= 0; i--) {
      Value node = order[i];
      node.backward.propagate(node.grad);
      if (checkAnomalies) {
        Anomalies.checkBackward(node);
      }
    }
  }

  /**
   * Returns the ops reachable from this node, each after all of its inputs, by an iterative
   * depth-first search. A node is marked visited with an int stamp unique to this call, not a hash
   * set.
   */
  private Value[] interiorNodesInTopologicalOrder() {
    int visit = VISITS.incrementAndGet();
    Value[] order = new Value[64];
    int size = 0;
    Value[] path = new Value[64];
    int[] nextInput = new int[64];
    int depth = 0;
    if (!isLeaf()) {
      visitMark = visit;
      path[depth++] = this;
    }
    while (depth > 0) {
      Value node = path[depth - 1];
      int i = nextInput[depth - 1]++;
      if (i < node.inputs.length) {
        Value input = node.inputs[i];
        if (input.backward != null && input.visitMark != visit) {
          input.visitMark = visit;
          if (depth == path.length) {
            path = Arrays.copyOf(path, depth * 2);
            nextInput = Arrays.copyOf(nextInput, depth * 2);
          }
          path[depth] = input;
          nextInput[depth] = 0;
          depth++;
        }
      } else {
        depth--;
        if (size == order.length) {
          order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = node;
      }
    }
    return Arrays.copyOf(order, size);
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

  /** The checks of anomaly mode, kept apart from the ops. */
  private static final class Anomalies {

    static void checkForward(Value out) {
      if (!Double.isFinite(out.data) && allFinite(out.inputs)) {
        throw new ArithmeticException("Anomaly: op '" + out.op + "' produced " + out.data
            + " from finite inputs " + describe(out.inputs)
            + ". Check the range of its inputs (a log or division near 0, an exp of a large number).");
      }
    }

    static void checkBackward(Value node) {
      if (!Double.isFinite(node.grad)) {
        return;
      }
      for (int i = 0; i < node.inputs.length; i++) {
        if (!Double.isFinite(node.inputs[i].grad)) {
          throw new ArithmeticException("Anomaly: the backward of op '" + node.op + "' with inputs "
              + describe(node.inputs) + " made the gradient of input " + i + " "
              + node.inputs[i].grad + " from a finite output gradient " + node.grad + ".");
        }
      }
    }

    private static boolean allFinite(Value[] values) {
      for (Value v : values) {
        if (!Double.isFinite(v.data)) {
          return false;
        }
      }
      return true;
    }

    private static String describe(Value[] values) {
      StringJoiner joined = new StringJoiner(", ", "[", "]");
      for (Value v : values) {
        joined.add(Double.toString(v.data));
      }
      return joined.toString();
    }
  }

  @Override
  public String toString() {
    return "Value(data=" + data + ", grad=" + grad + (isLeaf() ? "" : ", op=" + op) + ")";
  }
}
