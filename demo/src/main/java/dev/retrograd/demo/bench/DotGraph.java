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
  protected Value loss(int from, int to, boolean withPenalty) {
    Value[] losses = new Value[to - from];
    for (int i = from; i < to; i++) {
      Value score = model.call(points[i])[0];
      losses[i - from] = score.mul(-task.target(i)).add(1).relu();
    }
    Value dataLoss = Value.sum(losses).mul(1.0 / points.length);
    return withPenalty ? dataLoss.add(Value.dot(parameters, parameters).mul(MoonsTask.ALPHA)) : dataLoss;
  }
}
