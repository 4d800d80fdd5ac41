package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron: hidden layers with one activation, then a linear output layer.
 *
 * <pre>{@code
 * Mlp model = new Mlp(2, new int[] {16, 16, 1}, relu, new SplittableRandom(1));  // 337 parameters
 * Value score = model.call(Value.of(0.5), Value.of(-0.2))[0];
 * }</pre>
 */
public final class Mlp implements Module {

  private final List<Layer> layers;

  /**
   * Creates a network.
   *
   * @param inputs the number of inputs
   * @param sizes the width of each layer, the last one being the output layer
   * @param hidden the activation of every layer but the last
   */
  public Mlp(int inputs, int[] sizes, Activation hidden, RandomGenerator random) {
    if (sizes.length == 0) {
      throw new IllegalArgumentException("an MLP needs at least one layer size");
    }
    List<Layer> made = new ArrayList<>(sizes.length);
    int width = inputs;
    for (int i = 0; i < sizes.length; i++) {
      made.add(new Layer(width, sizes[i], i == sizes.length - 1 ? null : hidden, random));
      width = sizes[i];
    }
    this.layers = List.copyOf(made);
  }

  /** Returns the outputs of the last layer for input {@code x}. */
  public Value[] call(Value... x) {
    Value[] activations = x;
    for (Layer layer : layers) {
      activations = layer.call(activations);
    }
    return activations;
  }

  /** Returns the layers, input side first. */
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public List<Value> parameters() {
    List<Value> parameters = new ArrayList<>();
    for (Layer layer : layers) {
      parameters.addAll(layer.parameters());
    }
    return parameters;
  }

  @Override
  public String toString() {
    return "MLP of " + layers;
  }
}
