package dev.retrograd.demo.bench;

import dev.retrograd.autograd.Value;

/**
 * Variant (a): the graph exactly as micrograd builds it, out of binary {@code add} and {@code mul}
 * nodes, about 65,000 of them per step.
 *
 * <p>Each line of micrograd's demo becomes the same chain of ops:
 *
 * <pre>
 *   act = sum((wi*xi for wi, xi in zip(w, x)), b)     →  act = b; act = act.add(wi.mul(xi)) …
 *   act.relu() if nonlin else act                      →  act.relu()
 *   (1 + -yi*scorei).relu()                            →  score.mul(-y).add(1).relu()
 *   sum(losses) * (1.0 / len(losses))                  →  0 + l₀ + l₁ + … as binary adds, .mul(1.0 / n)
 *   alpha * sum((p*p for p in model.parameters()))     →  0 + p₀·p₀ + p₁·p₁ + …, .mul(alpha)
 *   total_loss = data_loss + reg_loss                  →  data.add(reg)
 * </pre>
 *
 * <p>micrograd wraps the numbers 1, −y and α in leaves; here the {@code double} overloads of
 * {@code add} and {@code mul} take them directly, with the same arithmetic.
 */
final class MicrogradGraph extends GraphTrainer {

  private final int[] widths;
  private final int[] offsets;

  MicrogradGraph(MoonsTask task) {
    super(task, leaves(task.initialParameters()));
    this.widths = task.widths();
    this.offsets = new int[task.layers()];
    for (int layer = 0; layer < offsets.length; layer++) {
      offsets[layer] = task.offset(layer);
    }
  }

  private static Value[] leaves(double[] values) {
    Value[] leaves = new Value[values.length];
    for (int i = 0; i < values.length; i++) {
      leaves[i] = Value.of(values[i]);
    }
    return leaves;
  }

  @Override
  public String name() {
    return "(a) micrograd-faithful";
  }

  @Override
  protected Value loss(int from, int to, boolean withPenalty) {
    Value dataLoss = Value.of(0);
    for (int i = from; i < to; i++) {
      Value score = score(points[i]);
      dataLoss = dataLoss.add(score.mul(-task.target(i)).add(1).relu());
    }
    dataLoss = dataLoss.mul(1.0 / points.length);
    if (!withPenalty) {
      return dataLoss;
    }
    Value squares = Value.of(0);
    for (Value p : parameters) {
      squares = squares.add(p.mul(p));
    }
    return dataLoss.add(squares.mul(MoonsTask.ALPHA));
  }

  /** Returns the network's output for x: per neuron, act = b + w₀·x₀ + w₁·x₁ + … then ReLU if hidden. */
  private Value score(Value[] x) {
    Value[] activations = x;
    for (int layer = 0; layer < offsets.length; layer++) {
      boolean hidden = layer < offsets.length - 1;
      int fanIn = widths[layer];
      Value[] out = new Value[widths[layer + 1]];
      for (int j = 0; j < out.length; j++) {
        int first = offsets[layer] + j * (fanIn + 1);
        Value act = parameters[first + fanIn];
        for (int i = 0; i < fanIn; i++) {
          act = act.add(parameters[first + i].mul(activations[i]));
        }
        out[j] = hidden ? act.relu() : act;
      }
      activations = out;
    }
    return activations[0];
  }
}
