package dev.retrograd.api;

import java.util.random.RandomGenerator;

/**
 * Fills a layer's weights before training, with the formulas of {@code torch.nn.init}.
 *
 * <p><b>The same generator state gives the same weights.</b>
 */
public interface Initializer {

  /**
   * Fills {@code weights}, a row-major {@code fanOut × fanIn} matrix: row o holds the weights of
   * output neuron o.
   *
   * @param fanIn the number of inputs of each neuron
   * @param fanOut the number of neurons
   */
  void initialize(double[] weights, int fanIn, int fanOut, RandomGenerator random);
}
