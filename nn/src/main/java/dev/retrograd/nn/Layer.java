package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Plugin;
import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.internal.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer: {@code outputs} neurons, each over the same {@code inputs} values, then
 * optionally batch normalization, the activation, and a residual connection.
 *
 * <pre>
 *   y = f(W·x + b)     one {@link Nodes#neuron} node per neuron, without batch normalization
 *   z = W·x + b        with batch normalization: one {@link Value#dot(Value[], Value[], Value)} node
 *   z = BN(z)            per neuron, then {@link BatchNorm} (Linear → BN → activation, as in torch),
 *   y = f(z)             then one {@link Value#apply(Activation)} node per output; none when linear
 *   y = x + y          if residual (outputs = inputs)
 * </pre>
 */
public final class Layer implements Module {

  private final int inputs;
  private final LayerSpec spec;
  private final Neuron[] neurons;
  private final Activation activation;
  private final BatchNorm batchNorm;
  private final List<Value> parameters;

  /**
   * Creates a layer the micrograd way: weights uniform in [-1, 1) drawn neuron by neuron, biases 0.
   *
   * @param activation the function of every neuron, or {@code null} for a linear layer
   */
  public Layer(int inputs, int outputs, Activation activation, RandomGenerator random) {
    if (outputs < 1) {
      throw new IllegalArgumentException("a layer needs at least 1 output, was " + outputs);
    }
    this.inputs = inputs;
    LayerSpec plain = LayerSpec.of(outputs, LayerSpec.IDENTITY, "uniform");
    this.spec = activation == null ? plain : plain.withActivation(nameOf(activation), activation);
    this.neurons = new Neuron[outputs];
    for (int o = 0; o < outputs; o++) {
      neurons[o] = new Neuron(inputs, null, random);
    }
    this.activation = activation;
    this.batchNorm = null;
    this.parameters = collectParameters();
  }

  /**
   * Creates the layer {@code spec} over {@code inputs} inputs.
   *
   * @param weights the {@code spec.width() × inputs} weights, row-major: row o is neuron o's
   * @param activation the activation, {@code null} when the spec is linear
   */
  Layer(int inputs, LayerSpec spec, double[] weights, Activation activation) {
    if (spec.residual() && spec.width() != inputs) {
      throw new IllegalArgumentException("a residual layer (out = x + f(x)) needs its width equal to its input "
          + "width " + inputs + ", was " + spec.width());
    }
    this.inputs = inputs;
    this.spec = spec;
    this.neurons = new Neuron[spec.width()];
    for (int o = 0; o < neurons.length; o++) {
      neurons[o] = new Neuron(weights, o * inputs, inputs);
    }
    this.activation = activation;
    this.batchNorm = spec.batchNorm() ? new BatchNorm(spec.width()) : null;
    this.parameters = collectParameters();
  }

  /** Names an activation by its {@code toString()} when that is a lower_snake_case name, else "custom". */
  private static String nameOf(Activation activation) {
    String text = String.valueOf(activation);
    return Plugin.isValidName(text) && !text.equals(LayerSpec.IDENTITY) ? text : "custom";
  }

  private List<Value> collectParameters() {
    List<Value> all = new ArrayList<>();
    for (Neuron neuron : neurons) {
      all.addAll(neuron.parameters());
    }
    if (batchNorm != null) {
      all.addAll(batchNorm.parameters());
    }
    return List.copyOf(all);
  }

  /**
   * Returns the layer's output for one input row {@code x}.
   *
   * @throws IllegalArgumentException in training mode with batch normalization, which needs a batch
   *     of 2 or more rows: use {@link #forward(Value[][])}
   */
  public Value[] call(Value[] x) {
    return forward(new Value[][] {x})[0];
  }

  /**
   * Returns one output row per input row of {@code batch}. Rows are independent unless the layer has
   * batch normalization in training mode.
   *
   * @throws IllegalArgumentException if a row does not have {@link #inputs()} values
   */
  public Value[][] forward(Value[][] batch) {
    Value[][] out = new Value[batch.length][];
    for (int r = 0; r < batch.length; r++) {
      // One copy of the row, which the layer's neuron nodes share and nothing writes to.
      Value[] x = batch[r].clone();
      if (x.length != inputs) {
        throw new IllegalArgumentException(linearText() + " expects " + inputs + " inputs per row, row " + r
            + " has " + x.length);
      }
      Activation fused = batchNorm == null ? activation : null;
      Value[] z = new Value[neurons.length];
      for (int o = 0; o < z.length; o++) {
        z[o] = neurons[o].call(x, fused);
      }
      out[r] = z;
    }
    boolean activateAfterNorm = batchNorm != null && activation != null;
    if (batchNorm != null) {
      out = batchNorm.forward(out);
    }
    if (activateAfterNorm || spec.residual()) {
      for (int r = 0; r < out.length; r++) {
        Value[] y = out[r];
        for (int o = 0; o < y.length; o++) {
          Value fx = activateAfterNorm ? y[o].apply(activation) : y[o];
          y[o] = spec.residual() ? batch[r][o].add(fx) : fx;
        }
      }
    }
    return out;
  }

  /** Returns the number of inputs per row. */
  public int inputs() {
    return inputs;
  }

  /** Returns the number of outputs (neurons). */
  public int outputs() {
    return neurons.length;
  }

  /** Returns what this layer is: width, activation, initializer, batch normalization, residual. */
  public LayerSpec spec() {
    return spec;
  }

  /** Returns the neurons, in output order. */
  public List<Neuron> neurons() {
    return List.of(neurons);
  }

  /** Returns the batch normalization after the linear part, if the layer has one. */
  public Optional<BatchNorm> batchNorm() {
    return Optional.ofNullable(batchNorm);
  }

  /** Returns whether the layer outputs x + f(x). */
  public boolean isResidual() {
    return spec.residual();
  }

  /** Returns neuron by neuron its weights then its bias, then batch normalization's γ and β. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /**
   * Returns the parameters in the order of {@link #parameters()}, named {@code prefix.weight[o][i]},
   * {@code prefix.bias[o]}, {@code prefix.bn.gamma[o]} and {@code prefix.bn.beta[o]}.
   */
  List<NamedParameter> namedParameters(String prefix) {
    List<NamedParameter> named = new ArrayList<>(parameters.size());
    for (int o = 0; o < neurons.length; o++) {
      List<Value> weights = neurons[o].weights();
      for (int i = 0; i < weights.size(); i++) {
        named.add(new NamedParameter(prefix + ".weight[" + o + "][" + i + "]", weights.get(i)));
      }
      named.add(new NamedParameter(prefix + ".bias[" + o + "]", neurons[o].bias()));
    }
    if (batchNorm != null) {
      List<Value> gamma = batchNorm.gamma();
      for (int o = 0; o < gamma.size(); o++) {
        named.add(new NamedParameter(prefix + ".bn.gamma[" + o + "]", gamma.get(o)));
      }
      List<Value> beta = batchNorm.beta();
      for (int o = 0; o < beta.size(); o++) {
        named.add(new NamedParameter(prefix + ".bn.beta[" + o + "]", beta.get(o)));
      }
    }
    return named;
  }

  private String linearText() {
    return "Linear(" + inputs + " → " + neurons.length + ", " + spec.initializer() + ")";
  }

  /**
   * Returns the stages in order, such as {@code Linear(64 → 32, he_normal) → BatchNorm1d(32) → relu},
   * ending in {@code , + input (residual)} for a residual layer.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(linearText());
    if (batchNorm != null) {
      text.append(" → ").append(batchNorm);
    }
    if (!spec.isLinear()) {
      text.append(" → ").append(spec.activation());
    }
    if (spec.residual()) {
      text.append(", + input (residual)");
    }
    return text.toString();
  }
}
