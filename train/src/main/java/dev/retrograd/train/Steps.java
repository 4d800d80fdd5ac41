package dev.retrograd.train;

import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;

/**
 * The forward and backward passes of the training steps of one run, eager or compiled: the loop
 * in {@link TrainingRun} calls {@link #forward}, checks the loss, then {@link #backward}, clips, then
 * {@link #update}.
 */
interface Steps extends AutoCloseable {

  /**
   * Runs the forward pass of {@code batch} in training mode (batch normalization's running
   * statistics move) and returns the objective, the batch's mean loss plus the L2 penalty; stores
   * the prediction for row r of the batch in {@code predictions[from + r]}.
   */
  double forward(Rows batch, double[][] predictions, int from);

  /**
   * Computes the gradients of the latest forward pass's objective and returns them in the order of
   * the run's parameters, in the buffer the optimizer reads (to be clipped in place).
   */
  double[] backward();

  /**
   * Applies one step of {@code optimizer} to {@code parameters}, whose gradients {@link #backward}
   * returned: {@code optimizer.step(parameters)}, on the calling thread unless overridden.
   */
  default void update(Optimizer optimizer, Parameters parameters) {
    optimizer.step(parameters);
  }

  /** Lets go of the threads, if any. */
  @Override
  void close();
}
