package dev.retrograd.api;

import java.util.Map;

/**
 * Updates parameters from their gradients, one step at a time.
 *
 * <p>Its state (moment estimates, the step count, …) is exposed as named {@code double[]}
 * buffers so a checkpoint can save it and a fresh instance can continue exactly where the saved
 * one stopped. Most optimizers extend {@link ElementwiseOptimizer} and write only the rule for one
 * element.
 */
public interface Optimizer {

  /** Updates every parameter from its gradient. */
  void step(Parameters parameters);

  /** Returns the current learning rate. */
  double learningRate();

  /** Sets the learning rate, as a schedule does between steps. */
  void setLearningRate(double learningRate);

  /** Returns a copy of the state, buffer name to values; empty before the first step. */
  Map<String, double[]> state();

  /**
   * Replaces the state with {@code state}, as returned by {@link #state()} of an optimizer of the
   * same kind and configuration.
   *
   * @throws IllegalArgumentException naming what differs, if a buffer is missing, unknown or of the
   *     wrong size
   */
  void loadState(Map<String, double[]> state);
}
