package dev.retrograd.nn;

import dev.retrograd.autograd.Value;
import java.util.function.ToDoubleFunction;

/**
 * How a training forward pass moves a model's running statistics, kept so that it can be applied
 * again when the pass is replayed as a {@link dev.retrograd.autograd.CompiledGraph}, whose replays
 * compute new numbers without running the model's Java code.
 *
 * <pre>{@code
 * Value[][] outputs = model.forward(inputs);                  // training mode: builds the graph
 * RunningStatisticsUpdate update = model.lastRunningStatisticsUpdate();
 * CompiledGraph graph = Value.compile(loss);
 * graph.forward();
 * update.apply(node -> graph.valueAt(graph.indexOf(node)));  // running_mean ← (1 − m)·running_mean + m·μ …
 * }</pre>
 */
@FunctionalInterface
public interface RunningStatisticsUpdate {

  /** The update of a model without running statistics: changes nothing. */
  RunningStatisticsUpdate NONE = replayed -> { };

  /**
   * Moves the running statistics toward the batch statistics, reading each statistic's node through
   * {@code replayed}, which returns the number the replay computed for it.
   */
  void apply(ToDoubleFunction<Value> replayed);
}
