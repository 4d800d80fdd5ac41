package dev.retrograd.train;

import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import dev.retrograd.nn.NamedParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small model for the trainer's tests, independent of Mlp: inputs centered by a running mean
 * (a buffer, updated with momentum 0.1 in training mode after it is used, like batch norm's), then
 * either one linear layer or a tanh hidden layer and a linear output layer.
 */
final class TinyModel implements Model {

  static final String BUFFER = "input.running_mean";

  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final List<NamedParameter> named = new ArrayList<>();
  private final Map<String, List<Value>> byLayer = new LinkedHashMap<>();
  private final Value[][] firstWeights;
  private final Value[] firstBiases;
  private final Value[][] secondWeights;
  private final Value[] secondBiases;
  private double[] runningMean;
  private boolean training = true;

  /** A model with {@code hidden} tanh units (0 for a linear model), weights uniform in [−1, 1) from {@code seed}. */
  TinyModel(int inputs, int hidden, int outputs, long seed) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    SplittableRandom random = new SplittableRandom(seed);
    int firstWidth = hidden == 0 ? outputs : hidden;
    firstWeights = new Value[firstWidth][inputs];
    firstBiases = new Value[firstWidth];
    layer("layer1", firstWeights, firstBiases, random);
    if (hidden > 0) {
      secondWeights = new Value[outputs][hidden];
      secondBiases = new Value[outputs];
      layer("layer2", secondWeights, secondBiases, random);
    } else {
      secondWeights = null;
      secondBiases = null;
    }
    runningMean = new double[inputs];
  }

  private void layer(String name, Value[][] weights, Value[] biases, SplittableRandom random) {
    List<Value> leaves = new ArrayList<>();
    for (int o = 0; o < weights.length; o++) {
      for (int i = 0; i < weights[o].length; i++) {
        weights[o][i] = Value.of(random.nextDouble(-1, 1));
        named.add(new NamedParameter(name + ".weight[" + o + "][" + i + "]", weights[o][i]));
        leaves.add(weights[o][i]);
      }
    }
    for (int o = 0; o < biases.length; o++) {
      biases[o] = Value.of(0.0);
      named.add(new NamedParameter(name + ".bias[" + o + "]", biases[o]));
      leaves.add(biases[o]);
    }
    byLayer.put(name, leaves);
  }

  @Override
  public int inputs() {
    return inputs;
  }

  @Override
  public int outputs() {
    return outputs;
  }

  @Override
  public Value[][] forward(Value[][] batch) {
    double[] center = runningMean.clone();
    if (training) {
      for (int c = 0; c < inputs; c++) {
        double mean = 0;
        for (Value[] row : batch) {
          mean += row[c].data() / batch.length;
        }
        runningMean[c] = 0.9 * runningMean[c] + 0.1 * mean;
      }
    }
    Value[][] out = new Value[batch.length][];
    for (int r = 0; r < batch.length; r++) {
      Value[] x = new Value[inputs];
      for (int c = 0; c < inputs; c++) {
        x[c] = batch[r][c].sub(center[c]);
      }
      Value[] first = new Value[firstBiases.length];
      for (int o = 0; o < first.length; o++) {
        first[o] = Value.dot(firstWeights[o], x, firstBiases[o]);
      }
      if (hidden == 0) {
        out[r] = first;
        continue;
      }
      Value[] h = new Value[hidden];
      for (int j = 0; j < hidden; j++) {
        h[j] = first[j].tanh();
      }
      out[r] = new Value[outputs];
      for (int o = 0; o < outputs; o++) {
        out[r][o] = Value.dot(secondWeights[o], h, secondBiases[o]);
      }
    }
    return out;
  }

  @Override
  public void setTraining(boolean training) {
    this.training = training;
  }

  @Override
  public boolean isTraining() {
    return training;
  }

  @Override
  public List<NamedParameter> namedParameters() {
    return List.copyOf(named);
  }

  @Override
  public Map<String, List<Value>> parametersByLayer() {
    return byLayer;
  }

  @Override
  public Map<String, double[]> buffers() {
    return Map.of(BUFFER, runningMean.clone());
  }

  @Override
  public void loadBuffers(Map<String, double[]> buffers) {
    double[] loaded = buffers.get(BUFFER);
    if (buffers.size() != 1 || loaded == null) {
      throw new IllegalArgumentException("expected exactly buffer " + BUFFER + ", got " + buffers.keySet());
    }
    if (loaded.length != inputs) {
      throw new IllegalArgumentException("buffer " + BUFFER + " needs " + inputs + " values, got " + loaded.length);
    }
    runningMean = loaded.clone();
  }

  @Override
  public String architecture() {
    return inputs + " -> " + (hidden == 0 ? "" : hidden + " tanh -> ") + outputs + " identity, centered inputs";
  }
}
