package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A fully connected layer: {@code outputs} neurons, each over the same {@code inputs} values. */
public final class Layer implements Module {

  private final List<Neuron> neurons;

  /**
   * Creates a layer.
   *
   * @param activation the function of every neuron, or {@code null} for a linear layer
   */
  public Layer(int inputs, int outputs, Activation activation, RandomGenerator random) {
    if (outputs < 1) {
      throw new IllegalArgumentException("a layer needs at least 1 output, was " + outputs);
    }
    List<Neuron> made = new ArrayList<>(outputs);
    for (int i = 0; i < outputs; i++) {
      made.add(new Neuron(inputs, activation, random));
    }
    this.neurons = List.copyOf(made);
  }

  /** Returns each neuron's output for input {@code x}. */
  public Value[] call(Value[] x) {
    Value[] out = new Value[neurons.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = neurons.get(i).call(x);
    }
    return out;
  }

  @Override
  public List<Value> parameters() {
    List<Value> parameters = new ArrayList<>();
    for (Neuron neuron : neurons) {
      parameters.addAll(neuron.parameters());
    }
    return parameters;
  }

  @Override
  public String toString() {
    return "Layer of " + neurons;
  }
}
