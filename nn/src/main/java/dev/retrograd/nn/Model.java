package dev.retrograd.nn;

import dev.retrograd.autograd.Value;
import java.util.List;
import java.util.Map;

/**
 * A network the trainer can run: a batch forward pass, a training/evaluation mode, named
 * parameters grouped by layer, and non-trainable buffers (batch normalization's running
 * statistics).
 *
 * <p>The forward pass takes a whole mini-batch because batch normalization needs the batch's
 * statistics: in training mode it normalizes with them and updates its running averages; in
 * evaluation mode it uses the running averages and every row is independent.
 */
public interface Model extends Module {

  /** Returns the number of inputs per row. */
  int inputs();

  /** Returns the number of outputs per row. */
  int outputs();

  /** Returns one output row per input row of {@code batch}. */
  Value[][] forward(Value[][] batch);

  /** Returns the outputs for rows of plain numbers, wrapped as constant leaves. */
  default Value[][] forward(double[][] batch) {
    return forward(leaves(batch));
  }

  /** Returns {@code rows} as leaves, one {@link Value#of} per number, the form {@link #forward} takes. */
  static Value[][] leaves(double[][] rows) {
    Value[][] values = new Value[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      values[r] = new Value[rows[r].length];
      for (int c = 0; c < rows[r].length; c++) {
        values[r][c] = Value.of(rows[r][c]);
      }
    }
    return values;
  }

  /**
   * Returns whether a forward pass can be compiled and replayed ({@code Value.compile}): true when
   * every number of {@link #forward} flows through {@link Value} ops, so that a replay with new
   * inputs and parameters computes what a new forward pass would, and the buffers move only as
   * {@link #lastRunningStatisticsUpdate()} says. The default is false, as a model may compute
   * numbers in plain Java that a replay would keep frozen; the trainer then runs it eagerly.
   */
  default boolean supportsCompiledReplay() {
    return false;
  }

  /**
   * Returns how the latest training-mode {@link #forward} moved the non-trainable buffers (batch
   * normalization's running statistics), as an update to apply again after each replay of that
   * forward pass's compiled graph; {@link RunningStatisticsUpdate#NONE} for a model without buffers.
   */
  default RunningStatisticsUpdate lastRunningStatisticsUpdate() {
    return RunningStatisticsUpdate.NONE;
  }

  /** Switches between training (true) and evaluation (false) mode, as torch's train()/eval(). */
  void setTraining(boolean training);

  /** Returns whether the model is in training mode. */
  boolean isTraining();

  /** Returns every trainable leaf with its stable name, in a stable order. */
  List<NamedParameter> namedParameters();

  /** Returns the trainable leaves of each layer, by layer name ({@code layer1}, …), input side first. */
  Map<String, List<Value>> parametersByLayer();

  /** Returns copies of the non-trainable buffers by name, such as {@code layer1.bn.running_mean}. */
  Map<String, double[]> buffers();

  /**
   * Replaces the buffers with {@code buffers}, as returned by {@link #buffers()}.
   *
   * @throws IllegalArgumentException naming a buffer that is missing, unknown or of the wrong size
   */
  void loadBuffers(Map<String, double[]> buffers);

  /**
   * Returns a one-line description of the architecture, such as
   * {@code "64 -> 32 relu he_normal +bn -> 10 identity xavier_uniform"}; a checkpoint records it and
   * refuses to load into a model that describes itself differently.
   */
  String architecture();

  @Override
  default List<Value> parameters() {
    return namedParameters().stream().map(NamedParameter::value).toList();
  }
}
