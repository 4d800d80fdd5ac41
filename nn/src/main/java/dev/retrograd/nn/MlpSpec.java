package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.PluginChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * What {@link Mlp#of(MlpSpec, dev.retrograd.api.PluginCatalog, java.util.random.RandomGenerator)} builds:
 * the number of inputs and the layers, input side first, the last one being the output layer.
 *
 * <pre>{@code
 * MlpSpec spec = MlpSpec.of(64, new int[] {32, 32}, 10, "relu", "he_normal").withBatchNorm().withResidual();
 * spec.toString();  // "64 -> 32 relu he_normal +bn -> 32 relu he_normal +bn +res -> 10 identity he_normal"
 * MlpSpec.parse(spec.toString()).equals(spec);  // true
 *
 * MlpSpec custom = MlpSpec.of(2, new int[] {16}, 1, "relu", "he_normal").withActivation("my_swish", new Swish());
 * custom.toString();  // "2 -> 16 my_swish he_normal -> 1 identity he_normal"
 * }</pre>
 *
 * <p>The text form joins the inputs and each layer's {@linkplain LayerSpec#toString() text} with
 * {@code ->}; {@link #parse(String)} reads it back (also with {@code →}), naming registered plugins
 * where the spec held instances. <b>A residual layer's width equals its input width</b>, since it
 * outputs x + f(x).
 *
 * @param inputs the number of inputs per row, ≥ 1
 * @param layers the layers, input side first; at least one
 */
public record MlpSpec(int inputs, List<LayerSpec> layers) {

  /** Checks the inputs, that there is a layer, and the width of every residual layer. */
  public MlpSpec {
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs must be >= 1, was " + inputs);
    }
    if (layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException("an MLP needs at least one layer, the output layer, such as "
          + "LayerSpec.of(1, \"identity\", \"xavier_uniform\")");
    }
    layers = List.copyOf(layers);
    int width = inputs;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      if (layer.residual() && layer.width() != width) {
        throw new IllegalArgumentException("layer " + (i + 1) + " is residual (out = x + f(x)), so its width must"
            + " equal its input width " + width + ", was " + layer.width()
            + "; make the widths equal or drop the residual connection.");
      }
      width = layer.width();
    }
  }

  /**
   * Returns hidden layers of widths {@code hidden} with {@code activation}, then a linear output layer
   * of width {@code outputs}; every layer initialized by {@code initializer}; default
   * hyperparameters, no batch normalization, no residual connection.
   */
  public static MlpSpec of(int inputs, int[] hidden, int outputs, String activation, String initializer) {
    List<LayerSpec> layers = new ArrayList<>(hidden.length + 1);
    for (int width : hidden) {
      layers.add(LayerSpec.of(width, activation, initializer));
    }
    layers.add(LayerSpec.of(outputs, LayerSpec.IDENTITY, initializer));
    return new MlpSpec(inputs, layers);
  }

  /** Returns the width of the output layer. */
  public int outputs() {
    return layers.get(layers.size() - 1).width();
  }

  /** Returns the widths, inputs first: {@code {64, 32, 10}}. */
  public int[] widths() {
    int[] widths = new int[layers.size() + 1];
    widths[0] = inputs;
    for (int i = 0; i < layers.size(); i++) {
      widths[i + 1] = layers.get(i).width();
    }
    return widths;
  }

  /**
   * Returns a copy with batch normalization in every hidden layer (all but the output layer).
   *
   * @throws IllegalArgumentException if there is no hidden layer
   */
  public MlpSpec withBatchNorm() {
    requireHiddenLayer("withBatchNorm()");
    List<LayerSpec> changed = new ArrayList<>(layers);
    for (int i = 0; i < changed.size() - 1; i++) {
      changed.set(i, changed.get(i).withBatchNorm(true));
    }
    return new MlpSpec(inputs, changed);
  }

  /**
   * Returns a copy in which every hidden layer whose width equals its input width is a residual block,
   * x + f(x). The first hidden layer usually changes the width and stays plain: in
   * {@code 2 -> 16 -> 16 -> 16 -> 1} layers 2 and 3 become residual.
   *
   * @throws IllegalArgumentException if no hidden layer has its input's width
   */
  public MlpSpec withResidual() {
    requireHiddenLayer("withResidual()");
    List<LayerSpec> changed = new ArrayList<>(layers);
    int width = inputs;
    boolean any = false;
    for (int i = 0; i < changed.size() - 1; i++) {
      LayerSpec layer = changed.get(i);
      if (layer.width() == width) {
        changed.set(i, layer.withResidual(true));
        any = true;
      }
      width = layer.width();
    }
    if (!any) {
      throw new IllegalArgumentException("no hidden layer of '" + this + "' has the width of its input, so none "
          + "can be residual (out = x + f(x)); use equal hidden widths, such as hidden layers 16,16,16.");
    }
    return new MlpSpec(inputs, changed);
  }

  /**
   * Returns a copy with layer {@code index} (0 = the first hidden layer) replaced by {@code layer}.
   *
   * @throws IndexOutOfBoundsException if there is no such layer
   */
  public MlpSpec withLayer(int index, LayerSpec layer) {
    List<LayerSpec> changed = new ArrayList<>(layers);
    changed.set(index, layer);
    return new MlpSpec(inputs, changed);
  }

  /** Returns a copy whose hidden layers (all but the output layer) use registered activation {@code name}. */
  public MlpSpec withActivation(String name, Hyperparameters hyperparameters) {
    return withHiddenLayers(layer -> layer.withActivation(name, hyperparameters));
  }

  /**
   * Returns a copy whose hidden layers (all but the output layer) use the activation {@code instance},
   * registered nowhere, called {@code name} in the architecture.
   */
  public MlpSpec withActivation(String name, Activation instance) {
    PluginChoice<Activation> given = PluginChoice.given(name, instance);
    return withHiddenLayers(layer -> layer.withActivation(given));
  }

  private MlpSpec withHiddenLayers(UnaryOperator<LayerSpec> change) {
    List<LayerSpec> changed = new ArrayList<>(layers);
    for (int i = 0; i < changed.size() - 1; i++) {
      changed.set(i, change.apply(changed.get(i)));
    }
    return new MlpSpec(inputs, changed);
  }

  /** Returns a copy whose output layer uses the registered activation {@code name} ({@code identity} for linear). */
  public MlpSpec withOutputActivation(String name, Hyperparameters hyperparameters) {
    return withOutputLayer(layers.get(layers.size() - 1).withActivation(name, hyperparameters));
  }

  /**
   * Returns a copy whose output layer uses the activation {@code instance}, registered nowhere,
   * called {@code name}.
   */
  public MlpSpec withOutputActivation(String name, Activation instance) {
    return withOutputLayer(layers.get(layers.size() - 1).withActivation(name, instance));
  }

  private MlpSpec withOutputLayer(LayerSpec output) {
    List<LayerSpec> changed = new ArrayList<>(layers);
    changed.set(changed.size() - 1, output);
    return new MlpSpec(inputs, changed);
  }

  /** Returns a copy whose layers, all of them, use the registered initializer {@code name}. */
  public MlpSpec withInitializer(String name, Hyperparameters hyperparameters) {
    List<LayerSpec> changed = new ArrayList<>(layers);
    changed.replaceAll(layer -> layer.withInitializer(name, hyperparameters));
    return new MlpSpec(inputs, changed);
  }

  /**
   * Returns a copy whose layers, all of them, use the initializer {@code instance}, registered
   * nowhere, called {@code name}.
   */
  public MlpSpec withInitializer(String name, Initializer instance) {
    PluginChoice<Initializer> given = PluginChoice.given(name, instance);
    List<LayerSpec> changed = new ArrayList<>(layers);
    changed.replaceAll(layer -> layer.withInitializer(given));
    return new MlpSpec(inputs, changed);
  }

  private void requireHiddenLayer(String method) {
    if (layers.size() < 2) {
      throw new IllegalArgumentException(method + " changes hidden layers, but '" + this
          + "' has only the output layer; add hidden layers.");
    }
  }

  /**
   * Returns the text form, such as {@code 2 -> 16 relu he_normal +bn -> 1 identity xavier_uniform},
   * which {@link #parse(String)} reads back; equal specs have equal text.
   */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(" -> ");
    text.add(Integer.toString(inputs));
    for (LayerSpec layer : layers) {
      text.add(layer.toString());
    }
    return text.toString();
  }

  /**
   * Reads the text form: the number of inputs, then each layer as
   * {@code WIDTH ACTIVATION INITIALIZER [+bn] [+res]}, separated by {@code ->} or {@code →}.
   *
   * @throws IllegalArgumentException naming the text, the part that is wrong and the expected form
   */
  public static MlpSpec parse(String text) {
    String[] parts = text.split("->|→", -1);
    if (parts.length < 2) {
      throw new IllegalArgumentException("Malformed architecture '" + text + "': expected the number of inputs "
          + "then layers, separated by '->', such as '2 -> 16 relu he_normal -> 1 identity xavier_uniform'.");
    }
    int inputs;
    try {
      inputs = Integer.parseInt(parts[0].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Malformed architecture '" + text + "': the number of inputs '"
          + parts[0].strip() + "' is not an integer; expected such as '2 -> 16 relu he_normal -> 1 identity "
          + "xavier_uniform'.");
    }
    List<LayerSpec> layers = new ArrayList<>(parts.length - 1);
    for (int i = 1; i < parts.length; i++) {
      try {
        layers.add(LayerSpec.parse(parts[i]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("In architecture '" + text + "', layer " + i + ": " + e.getMessage(), e);
      }
    }
    return new MlpSpec(inputs, layers);
  }
}
