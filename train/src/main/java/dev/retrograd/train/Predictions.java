package dev.retrograd.train;

import dev.retrograd.autograd.CompiledGraph;
import dev.retrograd.autograd.NoGrad;
import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>In training mode, use only a model without running statistics (the replays would not move
 * them). The programs are compiled in the mode the model is in at the first call: keep one instance
 * per mode.
 */
public final class Predictions {

  private final Model model;
  private final Engine engine;
  /** The compiled programs by batch size, kept across calls for a model without buffers. */
  private final Map<Integer, Program> programs = new HashMap<>();

  /**
   * Creates the predictions of {@code model} by {@code engine}, whose compiled programs are kept
   * from one call of {@link #of(double[][], int)} to the next when the model has no buffers (its
   * parameters are leaves, read again by every replay); a model with buffers, whose evaluation
   * forward pass holds its running statistics as constants, gets new programs on every call.
   */
  public Predictions(Model model, Engine engine) {
    this.model = model;
    this.engine = engine;
  }

  /**
   * Returns one output row per row of {@code rows}, computed {@code batchSize} rows at a time.
   *
   * @throws IllegalArgumentException if a row does not have the model's number of inputs, or
   *     {@code batchSize} is below 1
   */
  public static double[][] of(Model model, double[][] rows, int batchSize, Engine engine) {
    return new Predictions(model, engine).of(rows, batchSize);
  }

  /**
   * Returns one output row per row of {@code rows} in the model's current mode, computed
   * {@code batchSize} rows at a time.
   *
   * @throws IllegalArgumentException if a row does not have the model's number of inputs, or
   *     {@code batchSize} is below 1
   */
  public double[][] of(double[][] rows, int batchSize) {
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
    if (!model.buffers().isEmpty()) {
      programs.clear();
    }
    for (int from = 0; from < rows.length; from += batchSize) {
      int to = Math.min(from + batchSize, rows.length);
      programs.computeIfAbsent(to - from, size -> new Program(model, size)).run(rows, from, outputs);
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
