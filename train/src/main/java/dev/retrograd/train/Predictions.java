package dev.retrograd.train;

import dev.retrograd.autograd.CompiledGraph;
import dev.retrograd.autograd.NoGrad;
import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model's outputs for many rows, batch after batch, in the model's current mode: by the compiled
 * engine, one forward pass per batch size compiled once and replayed for every batch (the numbers
 * are those of the eager forward pass, bit for bit); by the eager engine, or for a model that does
 * not support compiled replay, eager forward passes inside {@link Value#noGrad()}.
 *
 * <pre>{@code
 * model.setTraining(false);
 * double[][] outputs = Predictions.of(model, rows, 64, Engine.COMPILED);
 * }</pre>
 *
 * <p>Compiled programs are made anew by each call, so they see the running statistics the model has
 * at that time; in training mode, use only a model without running statistics (the replays would
 * not move them).
 */
public final class Predictions {

  private Predictions() {}

  /**
   * Returns one output row per row of {@code rows}, computed {@code batchSize} rows at a time.
   *
   * @throws IllegalArgumentException if a row does not have the model's number of inputs, or
   *     {@code batchSize} is below 1
   */
  public static double[][] of(Model model, double[][] rows, int batchSize, Engine engine) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, was " + batchSize);
    }
    double[][] outputs = new double[rows.length][];
    if (engine == Engine.EAGER || !model.supportsCompiledReplay()) {
      try (NoGrad scope = Value.noGrad()) {
        for (int from = 0; from < rows.length; from += batchSize) {
          Value[][] batch = model.forward(Arrays.copyOfRange(rows, from, Math.min(from + batchSize, rows.length)));
          for (int r = 0; r < batch.length; r++) {
            outputs[from + r] = TrainingRun.numbers(batch[r]);
          }
        }
      }
      return outputs;
    }
    Program full = null;
    for (int from = 0; from < rows.length; from += batchSize) {
      int to = Math.min(from + batchSize, rows.length);
      Program program = to - from == batchSize && full != null ? full : new Program(model, to - from);
      if (to - from == batchSize) {
        full = program;
      }
      program.run(rows, from, outputs);
    }
    return outputs;
  }

  /** One compiled forward pass over a batch of input leaves. */
  private static final class Program {

    private final Value[][] inputs;
    private final int[][] outputSlots;
    private final CompiledGraph graph;

    Program(Model model, int rows) {
      inputs = Model.leaves(new double[rows][model.inputs()]);
      Value[][] outputs = model.forward(inputs);
      List<Value> all = new ArrayList<>();
      for (Value[] row : outputs) {
        all.addAll(List.of(row));
      }
      List<Value> inputLeaves = new ArrayList<>();
      for (Value[] row : inputs) {
        inputLeaves.addAll(List.of(row));
      }
      graph = Value.compile(Value.sum(all), inputLeaves);
      outputSlots = new int[outputs.length][];
      for (int r = 0; r < outputs.length; r++) {
        outputSlots[r] = new int[outputs[r].length];
        for (int c = 0; c < outputs[r].length; c++) {
          outputSlots[r][c] = graph.indexOf(outputs[r][c]);
        }
      }
    }

    void run(double[][] rows, int from, double[][] outputs) {
      for (int r = 0; r < inputs.length; r++) {
        for (int c = 0; c < inputs[r].length; c++) {
          inputs[r][c].setData(rows[from + r][c]);
        }
      }
      graph.forward();
      for (int r = 0; r < inputs.length; r++) {
        double[] row = new double[outputSlots[r].length];
        for (int c = 0; c < row.length; c++) {
          row[c] = graph.valueAt(outputSlots[r][c]);
        }
        outputs[from + r] = row;
      }
    }
  }
}
