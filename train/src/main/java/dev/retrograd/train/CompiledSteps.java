package dev.retrograd.train;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Loss;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import dev.retrograd.autograd.CompiledGraph;
import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import dev.retrograd.nn.RunningStatisticsUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Steps that replay compiled graphs: one program per batch size (an epoch's last, shorter batch gets
 * its own), built from the model's own forward pass the first time that size comes, then replayed
 * with the batch's numbers written into its input leaves and loss targets.
 *
 * <p><b>On one thread the numbers are those of {@link EagerSteps}, bit for bit</b>: the program is the
 * eager graph, replayed (see {@link CompiledGraph}). The gradients go from the program's buffer
 * straight into the buffer the optimizer reads: the parameters' own {@code grad()} is not written,
 * which saves three passes over the parameters per step. On N threads each batch is cut into N parts of
 * consecutive rows, as even as can be; part k has its own program over the shared parameters, whose
 * objective is Σ<sub>its rows</sub> loss / |batch| (part 0 adds the L2 penalty), and which computes its
 * gradients into its own buffer on its own thread. The objective and the gradients are then the sums
 * over the parts, taken in part order: the same for a given N every time. An element-wise optimizer
 * whose rule touches only its element then updates a range of the parameters on each thread (the
 * numbers of a one-thread update, bit for bit). A model with running
 * statistics (batch normalization) couples the rows of a batch, so it trains on one thread.
 *
 * <p>Batch normalization: building a program runs the model's forward pass, which moves the running
 * statistics; they are put back, and every replay moves them instead, from the batch statistics the
 * replay computed, by the update the model returned ({@link Model#lastRunningStatisticsUpdate()}).
 */
final class CompiledSteps implements Steps {

  private final Model model;
  private final Loss loss;
  private final double l2;
  private final GradientView view;
  private final int threads;
  private final Map<Integer, Program> programs = new HashMap<>();
  private ExecutorService pool;
  private Program latest;

  CompiledSteps(Model model, Loss loss, double l2, GradientView view, int threads) {
    this.model = model;
    this.loss = loss;
    this.l2 = l2;
    this.view = view;
    this.threads = model.buffers().isEmpty() ? threads : 1;
  }

  @Override
  public double forward(Rows batch, double[][] predictions, int from) {
    latest = programs.computeIfAbsent(batch.size(), size -> new Program(batch));
    return latest.forward(batch, predictions, from);
  }

  @Override
  public double[] backward() {
    return latest.backward();
  }

  /**
   * Steps an element-wise optimizer whose rule touches only its element on every thread, each a
   * range of the parameters (the numbers of a one-thread step, bit for bit); any other optimizer on
   * the calling thread.
   */
  @Override
  public void update(Optimizer optimizer, Parameters parameters) {
    if (threads > 1 && optimizer instanceof ElementwiseOptimizer elementwise
        && elementwise.updatesOnlyItsElement()) {
      elementwise.step(parameters, pool(), threads);
    } else {
      optimizer.step(parameters);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }

  private ExecutorService pool() {
    if (pool == null) {
      pool = new StepThreads(threads - 1, "retrograd-step");
    }
    return pool;
  }

  /** The program of one batch size: its parts, one per thread. */
  private final class Program {

    private final Part[] parts;

    Program(Rows batch) {
      int rows = batch.size();
      int count = Math.min(threads, rows);
      Map<String, double[]> buffers = model.buffers();
      parts = new Part[count];
      for (int k = 0; k < count; k++) {
        parts[k] = new Part(batch, k * rows / count, (k + 1) * rows / count, rows, k == 0);
      }
      if (!buffers.isEmpty()) {
        model.loadBuffers(buffers);
      }
    }

    double forward(Rows batch, double[][] predictions, int from) {
      if (parts.length == 1) {
        return parts[0].forward(batch, predictions, from);
      }
      List<Future<?>> running = new ArrayList<>(parts.length - 1);
      for (int k = 1; k < parts.length; k++) {
        Part part = parts[k];
        running.add(pool().submit(() -> part.forwardAndBackward(batch, predictions, from)));
      }
      parts[0].forwardAndBackward(batch, predictions, from);
      for (Future<?> future : running) {
        join(future);
      }
      double objective = 0;
      for (Part part : parts) {
        objective += part.value;
      }
      return objective;
    }

    double[] backward() {
      if (parts.length == 1) {
        parts[0].graph.backwardToBuffer();
      }
      double[] gradients = view.gradientBuffer();
      if (parts.length == 1) {
        sumGradients(gradients, 0, gradients.length);
        return gradients;
      }
      // Each thread sums a slice of the parameters, over the parts in part order.
      List<Future<?>> running = new ArrayList<>(parts.length - 1);
      for (int k = 1; k < parts.length; k++) {
        int from = k * gradients.length / parts.length;
        int to = (k + 1) * gradients.length / parts.length;
        running.add(pool().submit(() -> sumGradients(gradients, from, to)));
      }
      sumGradients(gradients, 0, gradients.length / parts.length);
      for (Future<?> future : running) {
        join(future);
      }
      return gradients;
    }

    /** Sets gradients [from, to) to the sums over the parts, taken in part order. */
    private void sumGradients(double[] gradients, int from, int to) {
      for (int i = from; i < to; i++) {
        double sum = 0;
        for (Part part : parts) {
          int slot = part.parameterSlots[i];
          if (slot >= 0) {
            sum += part.graph.gradientAt(slot);
          }
        }
        gradients[i] = sum;
      }
    }
  }

  private static void join(Future<?> future) {
    try {
      StepThreads.await(future);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a training step ran on other threads", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("A training step failed on another thread: " + e.getCause(), e.getCause());
    }
  }

  /** The rows [first, last) of a batch as one compiled graph. */
  private final class Part {

    private final int first;
    private final Value[][] inputs;
    private final double[][] targets;
    private final int[][] outputSlots;
    private final CompiledGraph graph;
    private final RunningStatisticsUpdate update;
    private final ToDoubleFunction<Value> replayed;
    private final int[] parameterSlots;
    private double value;

    Part(Rows batch, int first, int last, int batchSize, boolean withPenalty) {
      this.first = first;
      Rows rows = batch.slice(first, last);
      inputs = dev.retrograd.nn.Model.leaves(rows.inputs());
      Value[][] outputs = model.forward(inputs);
      update = model.lastRunningStatisticsUpdate();
      Value[] losses = new Value[outputs.length];
      for (int r = 0; r < losses.length; r++) {
        losses[r] = Value.loss(loss, outputs[r], rows.targets()[r]);
      }
      Value objective = Value.sum(losses).div(batchSize);
      if (withPenalty && l2 != 0) {
        Value[] leaves = view.leaves();
        objective = objective.add(Value.dot(leaves, leaves).mul(l2));
      }
      List<Value> inputLeaves = new ArrayList<>();
      for (Value[] row : inputs) {
        inputLeaves.addAll(List.of(row));
      }
      graph = Value.compile(objective, inputLeaves);
      targets = new double[losses.length][];
      outputSlots = new int[outputs.length][];
      for (int r = 0; r < losses.length; r++) {
        targets[r] = graph.target(losses[r]);
        outputSlots[r] = new int[outputs[r].length];
        for (int c = 0; c < outputs[r].length; c++) {
          outputSlots[r][c] = graph.indexOf(outputs[r][c]);
        }
      }
      replayed = node -> graph.valueAt(graph.indexOf(node));
      Value[] parameters = view.leaves();
      parameterSlots = new int[parameters.length];
      java.util.Set<Value> read = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      read.addAll(graph.leaves());
      for (int i = 0; i < parameters.length; i++) {
        parameterSlots[i] = read.contains(parameters[i]) ? graph.indexOf(parameters[i]) : -1;
      }
    }

    double forward(Rows batch, double[][] predictions, int from) {
      double[][] x = batch.inputs();
      double[][] y = batch.targets();
      for (int r = 0; r < inputs.length; r++) {
        Value[] row = inputs[r];
        double[] numbers = x[first + r];
        for (int c = 0; c < row.length; c++) {
          row[c].setData(numbers[c]);
        }
        System.arraycopy(y[first + r], 0, targets[r], 0, targets[r].length);
      }
      value = graph.forward(parameterSlots, view.numbers());
      update.apply(replayed);
      for (int r = 0; r < outputSlots.length; r++) {
        int[] slots = outputSlots[r];
        double[] prediction = new double[slots.length];
        for (int c = 0; c < slots.length; c++) {
          prediction[c] = graph.valueAt(slots[c]);
        }
        predictions[from + first + r] = prediction;
      }
      return value;
    }

    void forwardAndBackward(Rows batch, double[][] predictions, int from) {
      forward(batch, predictions, from);
      graph.backwardToBuffer();
    }
  }
}
