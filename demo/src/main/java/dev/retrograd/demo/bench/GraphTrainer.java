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
  protected final Value loss() {
    return loss(0, points.length, true);
  }

  /**
   * Builds the graph of the part of L that points [from, to) make: their hinge losses over n (n being
   * all the points), plus the L2 penalty if {@code withPenalty}. The parts of a split of the points,
   * one with the penalty, add up to L.
   */
  protected abstract Value loss(int from, int to, boolean withPenalty);

  /** Returns the leaves of the points [from, to), which take no gradient in a compiled replay. */
  final java.util.List<Value> inputLeaves(int from, int to) {
    java.util.List<Value> leaves = new java.util.ArrayList<>();
    for (int i = from; i < to; i++) {
      leaves.addAll(java.util.List.of(points[i]));
    }
    return leaves;
  }

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
