package dev.retrograd.demo.experiment;

import dev.retrograd.api.Loss;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.TargetEncoding;
import dev.retrograd.nn.Layer;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures a network before training: one forward pass over all the examples in training mode,
 * layer by layer, then one backward pass from the mean loss.
 *
 * <pre>
 *   scale_l = sqrt(mean over examples and units of h_l²)    h_l: hidden layer l's outputs
 *   L = (1/n)·Σ loss(prediction_i, target_i)
 *   ‖g‖ = sqrt(Σ over every parameter of (∂L/∂θ)²)
 * </pre>
 *
 * <p>The network is left as it was: gradients zeroed, batch normalization's running statistics
 * restored, same mode.
 */
final class InitialProbe {

  private InitialProbe() {}

  /** Returns the loss, gradient norm and activation scales of {@code model} on {@code data}. */
  static InitialFigures measure(Mlp model, Dataset data, Loss loss) {
    Map<String, double[]> buffers = model.buffers();
    boolean training = model.isTraining();
    model.setTraining(true);
    try {
      Value[][] activations = Model.leaves(data.features());
      List<Layer> layers = model.layers();
      List<Double> scales = new ArrayList<>(layers.size() - 1);
      for (int l = 0; l < layers.size(); l++) {
        activations = layers.get(l).forward(activations);
        if (l < layers.size() - 1) {
          scales.add(rootMeanSquare(activations));
        }
      }
      Value mean = Value.meanLoss(loss, activations, data.targetRows(TargetEncoding.ONE_HOT));
      model.zeroGrad();
      mean.backward();
      double sumOfSquares = 0;
      for (Value parameter : model.parameters()) {
        sumOfSquares += parameter.grad() * parameter.grad();
      }
      model.zeroGrad();
      return new InitialFigures(mean.data(), Math.sqrt(sumOfSquares), scales);
    } finally {
      model.loadBuffers(buffers);
      model.setTraining(training);
    }
  }

  private static double rootMeanSquare(Value[][] rows) {
    double sum = 0;
    long count = 0;
    for (Value[] row : rows) {
      for (Value v : row) {
        sum += v.data() * v.data();
        count++;
      }
    }
    return Math.sqrt(sum / count);
  }
}
