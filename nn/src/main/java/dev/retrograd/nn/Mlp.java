package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.autograd.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multilayer perceptron: fully connected {@link Layer}s, the last one being the output layer.
 *
 * <p>Built from plugins by a spec:
 *
 * <pre>{@code
 * MlpSpec spec = MlpSpec.of(64, new int[] {32}, 10, "relu", "he_normal").withBatchNorm();
 * Mlp model = Mlp.of(spec, Plugins.load(), new SplittableRandom(1));
 * Value[][] scores = model.forward(batchOfRows);     // one row of 10 scores per input row
 * model.setTraining(false);                           // batch norm now uses its running statistics
 * }</pre>
 *
 * <p>or the micrograd way, with hidden layers of one activation and a linear output layer:
 *
 * <pre>{@code
 * Mlp model = new Mlp(2, new int[] {16, 16, 1}, relu, new SplittableRandom(1));  // 337 parameters
 * Value score = model.call(Value.of(0.5), Value.of(-0.2))[0];
 * }</pre>
 *
 * <p><b>Parameter names are stable</b>: layers count from 1 on the input side, neurons and inputs
 * from 0: {@code layer2.weight[3][7]} is the weight of layer 2's neuron 3 on its input 7,
 * {@code layer2.bias[3]} that neuron's bias, {@code layer1.bn.gamma[3]} and {@code layer1.bn.beta[3]}
 * batch normalization's scale and shift for feature 3. The order is micrograd's: layer by layer,
 * neuron by neuron its weights then its bias, then the layer's γ and β. Batch normalization's
 * running statistics are {@linkplain #buffers() buffers} named {@code layer1.bn.running_mean} and
 * {@code layer1.bn.running_var}.
 *
 * <p>A new network is in training mode, as in torch.
 */
public final class Mlp implements Model {

  private static final Logger log = LoggerFactory.getLogger(Mlp.class);

  private final MlpSpec spec;
  private final List<Layer> layers;
  private final List<NamedParameter> namedParameters;
  private final List<Value> parameters;
  private boolean training = true;

  /**
   * Creates a network the micrograd way: weights uniform in [-1, 1) drawn layer by layer, neuron by
   * neuron, biases 0; no batch normalization, no residual connection.
   *
   * @param inputs the number of inputs
   * @param sizes the width of each layer, the last one being the output layer
   * @param hidden the activation of every layer but the last, which is linear
   */
  public Mlp(int inputs, int[] sizes, Activation hidden, RandomGenerator random) {
    this(layers(inputs, sizes, hidden, random));
  }

  private static List<Layer> layers(int inputs, int[] sizes, Activation hidden, RandomGenerator random) {
    if (sizes.length == 0) {
      throw new IllegalArgumentException("an MLP needs at least one layer size");
    }
    List<Layer> made = new ArrayList<>(sizes.length);
    int width = inputs;
    for (int i = 0; i < sizes.length; i++) {
      made.add(new Layer(width, sizes[i], i == sizes.length - 1 ? null : hidden, random));
      width = sizes[i];
    }
    return made;
  }

  private Mlp(List<Layer> layers) {
    this.layers = List.copyOf(layers);
    this.spec = new MlpSpec(layers.get(0).inputs(), layers.stream().map(Layer::spec).toList());
    List<NamedParameter> named = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      named.addAll(layers.get(i).namedParameters(layerName(i)));
    }
    this.namedParameters = List.copyOf(named);
    this.parameters = namedParameters.stream().map(NamedParameter::value).toList();
  }

  /**
   * Builds the network {@code spec} describes: for each layer, its activation and initializer are
   * the instances the spec holds or else come from {@code plugins} by name (activation
   * {@value LayerSpec#IDENTITY} needs none), its weights are filled by
   * {@link Initializer#initialize} as a row-major {@code width × inputs} matrix drawn from
   * {@code random}, layer after layer, and its biases are 0. <b>The same generator state gives the
   * same weights.</b>
   *
   * @throws dev.retrograd.api.PluginException for an unknown plugin or hyperparameter, listing what
   *     exists
   * @throws IllegalStateException if an initializer leaves a weight that is not finite
   */
  public static Mlp of(MlpSpec spec, PluginCatalog plugins, RandomGenerator random) {
    List<LayerSpec> layerSpecs = spec.layers();
    List<Activation> activations = new ArrayList<>(layerSpecs.size());
    List<Initializer> initializers = new ArrayList<>(layerSpecs.size());
    for (LayerSpec layer : layerSpecs) {
      activations.add(layer.isLinear() ? null : layer.activation().resolve(plugins::activation));
      initializers.add(layer.initializer().resolve(plugins::initializer));
    }
    List<Layer> layers = new ArrayList<>(layerSpecs.size());
    int fanIn = spec.inputs();
    for (int l = 0; l < layerSpecs.size(); l++) {
      LayerSpec layer = layerSpecs.get(l);
      int fanOut = layer.width();
      double[] weights = new double[fanOut * fanIn];
      initializers.get(l).initialize(weights, fanIn, fanOut, random);
      requireFinite(weights, fanIn, layer, l);
      layers.add(new Layer(fanIn, layer, weights, activations.get(l)));
      fanIn = fanOut;
    }
    Mlp model = new Mlp(layers);
    log.debug("Built {}", model.architecture());
    return model;
  }

  private static void requireFinite(double[] weights, int fanIn, LayerSpec layer, int index) {
    for (int k = 0; k < weights.length; k++) {
      if (!Double.isFinite(weights[k])) {
        throw new IllegalStateException("initializer '" + layer.initializer() + "' set " + layerName(index)
            + ".weight[" + k / fanIn + "][" + k % fanIn + "] to " + weights[k]
            + "; weights must be finite. Check the initializer's hyperparameters (a gain or std too large?).");
      }
    }
  }

  private static String layerName(int index) {
    return "layer" + (index + 1);
  }

  /**
   * Returns the outputs of the last layer for one input row {@code x}: {@code forward} of a batch of
   * one row.
   *
   * @throws IllegalArgumentException if {@code x} does not have {@link #inputs()} values, or in training
   *     mode with batch normalization, which needs 2 or more rows
   */
  public Value[] call(Value... x) {
    return forward(new Value[][] {x})[0];
  }

  /**
   * Returns one output row per input row. Without batch normalization, or in evaluation mode, rows
   * are independent and each equals {@link #call}. In training mode batch normalization normalizes
   * each feature over the rows and updates its running statistics.
   *
   * @throws IllegalArgumentException if a row does not have {@link #inputs()} values, or in training
   *     mode with batch normalization and a batch of one row
   */
  @Override
  public Value[][] forward(Value[][] batch) {
    int inputs = inputs();
    for (int r = 0; r < batch.length; r++) {
      if (batch[r].length != inputs) {
        throw new IllegalArgumentException("the network " + spec + " expects " + inputs + " inputs per row, row "
            + r + " has " + batch[r].length);
      }
    }
    Value[][] activations = batch;
    for (Layer layer : layers) {
      activations = layer.forward(activations);
    }
    return activations;
  }

  /** Returns true: every number of the forward pass flows through Value ops, batch normalization's included. */
  @Override
  public boolean supportsCompiledReplay() {
    return true;
  }

  /** Returns the updates of every batch-normalized layer, input side first. */
  @Override
  public RunningStatisticsUpdate lastRunningStatisticsUpdate() {
    List<RunningStatisticsUpdate> updates = new ArrayList<>();
    for (Layer layer : layers) {
      layer.batchNorm().ifPresent(batchNorm -> updates.add(batchNorm.lastRunningStatisticsUpdate()));
    }
    if (updates.isEmpty()) {
      return RunningStatisticsUpdate.NONE;
    }
    RunningStatisticsUpdate[] all = updates.toArray(new RunningStatisticsUpdate[0]);
    return replayed -> {
      for (RunningStatisticsUpdate update : all) {
        update.apply(replayed);
      }
    };
  }

  @Override
  public int inputs() {
    return spec.inputs();
  }

  @Override
  public int outputs() {
    return spec.outputs();
  }

  /** Returns the layers, input side first. */
  public List<Layer> layers() {
    return layers;
  }

  /**
   * Returns what this network is. For one made by the micrograd-style constructor the initializer is
   * {@code uniform} (U[−1, 1)) and the hidden activation is named by its {@code toString()} when that
   * is a lower_snake_case name, else {@code custom}.
   */
  public MlpSpec spec() {
    return spec;
  }

  @Override
  public void setTraining(boolean training) {
    this.training = training;
    for (Layer layer : layers) {
      layer.batchNorm().ifPresent(batchNorm -> batchNorm.setTraining(training));
    }
  }

  @Override
  public boolean isTraining() {
    return training;
  }

  @Override
  public List<NamedParameter> namedParameters() {
    return namedParameters;
  }

  /** Returns the trainable leaves in the order of {@link #namedParameters()}; the list is unmodifiable. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  @Override
  public Map<String, List<Value>> parametersByLayer() {
    Map<String, List<Value>> byLayer = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      byLayer.put(layerName(i), layers.get(i).parameters());
    }
    return byLayer;
  }

  /** Returns {@code layerN.bn.running_mean} and {@code layerN.bn.running_var} of each batch-normalized layer. */
  @Override
  public Map<String, double[]> buffers() {
    Map<String, double[]> buffers = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      String prefix = layerName(i) + ".bn.";
      layers.get(i).batchNorm().ifPresent(batchNorm -> {
        buffers.put(prefix + "running_mean", batchNorm.runningMean());
        buffers.put(prefix + "running_var", batchNorm.runningVar());
      });
    }
    return buffers;
  }

  /**
   * Replaces the buffers. Nothing changes unless every buffer of this network is given, with one
   * finite number per feature (variances ≥ 0), and no other.
   */
  @Override
  public void loadBuffers(Map<String, double[]> buffers) {
    Map<String, double[]> expected = buffers();
    for (String name : buffers.keySet()) {
      if (!expected.containsKey(name)) {
        throw new IllegalArgumentException("Unknown buffer '" + name + "'; the network " + spec + " has "
            + expected.keySet() + ". Was it saved from a different architecture?");
      }
    }
    for (Map.Entry<String, double[]> entry : expected.entrySet()) {
      double[] given = buffers.get(entry.getKey());
      if (given == null) {
        throw new IllegalArgumentException("Buffer '" + entry.getKey() + "' is missing; the network " + spec
            + " needs " + expected.keySet() + ".");
      }
      if (given.length != entry.getValue().length) {
        throw new IllegalArgumentException("Buffer '" + entry.getKey() + "' has " + given.length
            + " values but the network needs " + entry.getValue().length + ", one per feature.");
      }
      for (int j = 0; j < given.length; j++) {
        boolean variance = entry.getKey().endsWith("running_var");
        if (!Double.isFinite(given[j]) || variance && given[j] < 0) {
          throw new IllegalArgumentException("Buffer '" + entry.getKey() + "' holds " + given[j] + " at feature "
              + j + "; running statistics must be finite" + (variance ? " and variances >= 0" : "") + ".");
        }
      }
    }
    for (int i = 0; i < layers.size(); i++) {
      String prefix = layerName(i) + ".bn.";
      layers.get(i).batchNorm().ifPresent(batchNorm -> batchNorm.setRunningStatistics(
          buffers.get(prefix + "running_mean"), buffers.get(prefix + "running_var")));
    }
  }

  /** Returns the spec's text, such as {@code 64 -> 32 relu he_normal +bn -> 10 identity xavier_uniform}. */
  @Override
  public String architecture() {
    return spec.toString();
  }

  /**
   * Returns a header with the widths and the number of parameters, then one line per layer:
   *
   * <pre>
   * Mlp(64 → 32 → 10, 2474 parameters)
   *   layer1: Linear(64 → 32, he_normal) → BatchNorm1d(32) → relu
   *   layer2: Linear(32 → 10, xavier_uniform)
   * </pre>
   */
  @Override
  public String toString() {
    StringJoiner widths = new StringJoiner(" → ");
    for (int width : spec.widths()) {
      widths.add(Integer.toString(width));
    }
    StringBuilder text = new StringBuilder("Mlp(").append(widths).append(", ").append(parameters.size())
        .append(" parameters)");
    for (int i = 0; i < layers.size(); i++) {
      text.append("\n  ").append(layerName(i)).append(": ").append(layers.get(i));
    }
    return text.toString();
  }
}
