package dev.retrograd.demo.cli;

import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.Neuron;
import dev.retrograd.train.Engine;
import dev.retrograd.train.Metrics;
import dev.retrograd.train.Predictions;
import java.util.List;

/** What the pictures of a finished run read from its model: the classes it predicts, its first layer's weights. */
final class ModelReadings {

  /** Rows per forward pass. */
  private static final int BATCH = 256;

  private ModelReadings() {}

  /**
   * Returns the class the model predicts for each row of {@code standardized} (as accuracy counts
   * it), in evaluation mode, replayed from compiled forward passes.
   */
  static int[] predictedClasses(Mlp model, Dataset standardized) {
    boolean wasTraining = model.isTraining();
    model.setTraining(false);
    int[] classes = new int[standardized.size()];
    try {
      double[][] outputs = Predictions.of(model, standardized.features(), BATCH, Engine.COMPILED);
      for (int r = 0; r < classes.length; r++) {
        classes[r] = Metrics.predictedClass(outputs[r]);
      }
    } finally {
      model.setTraining(wasTraining);
    }
    return classes;
  }

  /** Returns the weights of each first-layer neuron, {@code [neuron][input]}. */
  static double[][] firstLayerWeights(Mlp model) {
    List<Neuron> neurons = model.layers().get(0).neurons();
    double[][] weights = new double[neurons.size()][];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = neurons.get(k).weights().stream().mapToDouble(Value::data).toArray();
    }
    return weights;
  }
}
