package dev.retrograd.train;

import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import dev.retrograd.nn.NamedParameter;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient statistics over an epoch: the global norm and the mean |gradient| of each layer, per
 * step, averaged over the epoch's steps.
 */
final class LayerGradients {

  private final Map<String, int[]> indicesByLayer = new LinkedHashMap<>();
  private final double[] meanAbsSums;
  private double normSum;
  private int steps;

  /**
   * Maps each of {@code model}'s layers to the positions of its parameters in
   * {@code model.namedParameters()}.
   *
   * @throws IllegalArgumentException if a layer holds a leaf that namedParameters() does not list
   */
  LayerGradients(Model model) {
    Map<Value, Integer> position = new IdentityHashMap<>();
    List<NamedParameter> named = model.namedParameters();
    for (int i = 0; i < named.size(); i++) {
      position.put(named.get(i).value(), i);
    }
    model.parametersByLayer().forEach((layer, leaves) -> {
      int[] indices = new int[leaves.size()];
      for (int k = 0; k < indices.length; k++) {
        Integer at = position.get(leaves.get(k));
        if (at == null) {
          throw new IllegalArgumentException("The model's layer '" + layer + "' holds a parameter that"
              + " namedParameters() does not list; parametersByLayer() must group the named parameters.");
        }
        indices[k] = at;
      }
      indicesByLayer.put(layer, indices);
    });
    meanAbsSums = new double[indicesByLayer.size()];
  }

  /** Adds one step's mean |gradient| of each layer, from its gradients before clipping. */
  void addMeanAbs(double[] gradients) {
    int layer = 0;
    for (int[] indices : indicesByLayer.values()) {
      double sum = 0;
      for (int i : indices) {
        sum += Math.abs(gradients[i]);
      }
      meanAbsSums[layer++] += sum / indices.length;
    }
    steps++;
  }

  /** Adds one step's global gradient norm, from before clipping; call it once per {@link #addMeanAbs}. */
  void addNorm(double globalNorm) {
    normSum += globalNorm;
  }

  /** Returns the global norm averaged over the steps added. */
  double meanNorm() {
    return normSum / steps;
  }

  /** Returns each layer's mean |gradient| averaged over the steps added, by layer name. */
  Map<String, Double> meanAbsByLayer() {
    Map<String, Double> means = new LinkedHashMap<>();
    int layer = 0;
    for (String name : indicesByLayer.keySet()) {
      means.put(name, meanAbsSums[layer++] / steps);
    }
    return means;
  }

  /** Forgets the steps added, for the next epoch. */
  void reset() {
    Arrays.fill(meanAbsSums, 0);
    normSum = 0;
    steps = 0;
  }
}
