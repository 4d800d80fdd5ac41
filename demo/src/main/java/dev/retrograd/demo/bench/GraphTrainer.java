package dev.retrograd.demo.bench;

import dev.retrograd.autograd.Value;

/**
 * A {@link Trainer} that builds the loss as a {@link Value} graph at every step and lets
 * {@link Value#backward()} find the gradients; subclasses differ only in how they build the graph.
 *
 * <p>The parameter array and the input leaves are made once, so that a step allocates nothing but
 * the graph itself.
 */
abstract class GraphTrainer implements Trainer {

  /** The task being trained. */
  protected final MoonsTask task;

  /** The trainable leaves, in the task's canonical order. */
  protected final Value[] parameters;

  /** One pair of leaves {x₀, x₁} per point; their gradients accumulate unread. */
  protected final Value[][] points;

  private final double[] initial;

  /** Takes over {@code parameters} and sets them to the task's initial values. */
  protected GraphTrainer(MoonsTask task, Value[] parameters) {
    this.task = task;
    this.parameters = parameters;
    this.initial = task.initialParameters();
    this.points = new Value[task.size()][];
    for (int i = 0; i < points.length; i++) {
      double[] x = task.features(i);
      points[i] = new Value[] {Value.of(x[0]), Value.of(x[1])};
    }
    reset();
  }

  /** Builds the graph of the total loss L from the current parameters. */
  protected abstract Value loss();

  @Override
  public final void reset() {
    for (int i = 0; i < initial.length; i++) {
      parameters[i].setData(initial[i]);
    }
  }

  @Override
  public final double step(int k) {
    for (Value p : parameters) {
      p.zeroGrad();
    }
    Value loss = loss();
    loss.backward();
    double lr = MoonsTask.learningRate(k);
    for (Value p : parameters) {
      p.setData(p.data() - lr * p.grad());
    }
    return loss.data();
  }

  @Override
  public final double[] parameters() {
    double[] values = new double[parameters.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = parameters[i].data();
    }
    return values;
  }

  @Override
  public final int nodesPerStep() {
    return GraphSize.count(loss());
  }
}
