package dev.retrograd.demo.bench;

import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import java.util.List;

/** An {@link MlpTask} step with the eager engine: the graph of the batch built and backpropagated afresh. */
final class EagerMlp implements Trainer {

  private final MlpTask task;
  private final Model model;
  private final List<Value> parameters;
  private final double[] initial;
  private final Value[][] inputs;

  EagerMlp(MlpTask task) {
    this.task = task;
    this.model = task.newModel();
    this.parameters = model.parameters();
    this.initial = task.initialParameters();
    this.inputs = Model.leaves(new double[task.batchSize][task.inputs]);
  }

  @Override
  public String name() {
    return "eager";
  }

  @Override
  public void reset() {
    for (int i = 0; i < initial.length; i++) {
      parameters.get(i).setData(initial[i]);
    }
  }

  @Override
  public double step(int k) {
    int batch = k % MlpTask.BATCHES;
    for (int r = 0; r < inputs.length; r++) {
      for (int c = 0; c < inputs[r].length; c++) {
        inputs[r][c].setData(task.rows[batch][r][c]);
      }
    }
    for (Value p : parameters) {
      p.zeroGrad();
    }
    Value loss = Value.meanLoss(task.loss, model.forward(inputs), task.targets[batch]);
    loss.backward();
    for (Value p : parameters) {
      p.setData(p.data() - MlpTask.LEARNING_RATE * p.grad());
    }
    return loss.data();
  }

  @Override
  public double[] parameters() {
    return parameters.stream().mapToDouble(Value::data).toArray();
  }

  @Override
  public int nodesPerStep() {
    return GraphSize.count(Value.meanLoss(task.loss, model.forward(inputs), task.targets[0]));
  }
}
