package dev.retrograd.demo.bench;

import dev.retrograd.autograd.CompiledGraph;
import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link MlpTask} step replayed from compiled graphs, the trainer's way: the batch cut into one
 * part per thread, each part's objective Σ loss / batch compiled once over the shared parameters;
 * each step writes the batch into the parts' input leaves and targets, replays them on their
 * threads and sums their gradients in part order.
 */
final class CompiledMlp implements Trainer {

  private final MlpTask task;
  private final int threads;
  private final Value[] parameters;
  private final double[] initial;
  private final List<Value[][]> inputs = new ArrayList<>();
  private final List<double[][]> targets = new ArrayList<>();
  private final int[] firstRows;
  private final ParallelReplay replay;
  private final int nodes;

  CompiledMlp(MlpTask task, int threads) {
    this.task = task;
    this.threads = threads;
    Model model = task.newModel();
    this.parameters = model.parameters().toArray(new Value[0]);
    this.initial = task.initialParameters();
    this.firstRows = new int[threads];
    List<CompiledGraph> parts = new ArrayList<>();
    int count = 0;
    for (int k = 0; k < threads; k++) {
      int from = k * task.batchSize / threads;
      int to = (k + 1) * task.batchSize / threads;
      firstRows[k] = from;
      Value[][] partInputs = Model.leaves(java.util.Arrays.copyOfRange(task.rows[0], from, to));
      Value[][] outputs = model.forward(partInputs);
      Value[] losses = new Value[to - from];
      for (int r = 0; r < losses.length; r++) {
        losses[r] = Value.loss(task.loss, outputs[r], task.targets[0][from + r]);
      }
      List<Value> inputLeaves = new ArrayList<>();
      for (Value[] row : partInputs) {
        inputLeaves.addAll(List.of(row));
      }
      CompiledGraph part = Value.compile(Value.sum(losses).div(task.batchSize), inputLeaves);
      double[][] partTargets = new double[losses.length][];
      for (int r = 0; r < losses.length; r++) {
        partTargets[r] = part.target(losses[r]);
      }
      inputs.add(partInputs);
      targets.add(partTargets);
      parts.add(part);
      count += part.opCount() + part.leafCount();
    }
    this.nodes = count;
    this.replay = new ParallelReplay(parts, parameters);
  }

  @Override
  public String name() {
    return "compiled, " + threads + (threads == 1 ? " thread" : " threads");
  }

  @Override
  public void reset() {
    for (int i = 0; i < initial.length; i++) {
      parameters[i].setData(initial[i]);
    }
  }

  @Override
  public double step(int k) {
    int batch = k % MlpTask.BATCHES;
    for (int part = 0; part < inputs.size(); part++) {
      Value[][] rows = inputs.get(part);
      double[][] partTargets = targets.get(part);
      for (int r = 0; r < rows.length; r++) {
        double[] numbers = task.rows[batch][firstRows[part] + r];
        for (int c = 0; c < numbers.length; c++) {
          rows[r][c].setData(numbers[c]);
        }
        System.arraycopy(task.targets[batch][firstRows[part] + r], 0, partTargets[r], 0, task.classes);
      }
    }
    double loss = replay.forwardBackward();
    for (int i = 0; i < parameters.length; i++) {
      parameters[i].setData(parameters[i].data() - MlpTask.LEARNING_RATE * replay.gradient(i));
    }
    return loss;
  }

  @Override
  public double[] parameters() {
    double[] values = new double[parameters.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = parameters[i].data();
    }
    return values;
  }

  /** Returns the compiled ops and the leaves they read, over all parts. */
  @Override
  public int nodesPerStep() {
    return nodes;
  }
}
