package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.internal.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One neuron: f(w·x + b) as a single {@link Nodes#neuron} node, f an {@link Activation} (or none,
 * for a linear neuron).
 *
 * <p>Weights start uniform in [-1, 1) from the given generator and the bias at 0, as in micrograd.
 * Inside a {@link Layer} neurons are linear and the layer applies the activation, after batch
 * normalization when it has one.
 */
public final class Neuron implements Module {

  private final Value[] weights;
  private final Value bias;
  private final Activation activation;

  /**
   * Creates a neuron over {@code inputs} inputs.
   *
   * @param activation the function applied to the weighted sum, or {@code null} for a linear neuron
   */
  public Neuron(int inputs, Activation activation, RandomGenerator random) {
    if (inputs < 1) {
      throw new IllegalArgumentException("a neuron needs at least 1 input, was " + inputs);
    }
    this.weights = new Value[inputs];
    for (int i = 0; i < inputs; i++) {
      weights[i] = Value.of(random.nextDouble(-1, 1));
    }
    this.bias = Value.of(0);
    this.activation = activation;
  }

  /** Creates a linear neuron with weights {@code matrix[offset … offset + inputs)} and bias 0. */
  Neuron(double[] matrix, int offset, int inputs) {
    this.weights = new Value[inputs];
    for (int i = 0; i < inputs; i++) {
      weights[i] = Value.of(matrix[offset + i]);
    }
    this.bias = Value.of(0);
    this.activation = null;
  }

  /** Returns f(w·x + b) as one node over a copy of {@code x}, so later changes to {@code x} do not reach it. */
  public Value call(Value[] x) {
    return call(x.clone(), activation);
  }

  /**
   * Returns g(w·x + b) for the activation {@code g} (null for linear) in place of this neuron's own,
   * as one node that keeps {@code x} itself: the caller never changes {@code x} afterwards.
   */
  Value call(Value[] x, Activation g) {
    return Nodes.neuron(weights, x, bias, g);
  }

  /** Returns the weights, one per input, as the leaves the optimizer updates. */
  public List<Value> weights() {
    return List.of(weights);
  }

  /** Returns the bias leaf. */
  public Value bias() {
    return bias;
  }

  @Override
  public List<Value> parameters() {
    List<Value> parameters = new ArrayList<>(weights.length + 1);
    Collections.addAll(parameters, weights);
    parameters.add(bias);
    return parameters;
  }

  @Override
  public String toString() {
    return (activation == null ? "Linear" : "Nonlinear") + "Neuron(" + weights.length + ")";
  }
}
