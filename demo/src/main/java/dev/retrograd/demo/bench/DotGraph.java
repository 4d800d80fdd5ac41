package dev.retrograd.demo.bench;

import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Mlp;

/**
 * Variant (b): the same model as a {@link Mlp}, whose neurons are one fused node f(w·x + b)
 * each (the weighted sum and the activation fused), about 4,100 nodes per step.
 *
 * <pre>
 *   score      = model.call(x)[0], for each point
 *   data_loss  = Value.sum(score.mul(-y).add(1).relu(), for each point).mul(1.0 / n)
 *   reg_loss   = Value.dot(params, params).mul(alpha)
 *   total_loss = data_loss.add(reg_loss)
 * </pre>
 */
final class DotGraph extends GraphTrainer {

  private final Mlp model;

  DotGraph(MoonsTask task) {
    this(task, task.newModel());
  }

  private DotGraph(MoonsTask task, Mlp model) {
    super(task, model.parameters().toArray(new Value[0]));
    this.model = model;
  }

  @Override
  public String name() {
    return "(b) Mlp, fused neurons";
  }

  @Override
  protected Value loss() {
    Value[] losses = new Value[points.length];
    for (int i = 0; i < points.length; i++) {
      Value score = model.call(points[i])[0];
      losses[i] = score.mul(-task.target(i)).add(1).relu();
    }
    Value dataLoss = Value.sum(losses).mul(1.0 / points.length);
    return dataLoss.add(Value.dot(parameters, parameters).mul(MoonsTask.ALPHA));
  }
}
