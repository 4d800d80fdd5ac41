package dev.retrograd.train;

import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Model;
import java.util.function.BiFunction;

/** Steps that build each batch's graph afresh and call {@link Value#backward()} on it. */
final class EagerSteps implements Steps {

  private final Model model;
  private final GradientView view;
  private final BiFunction<Value[][], double[][], Value> objective;
  private Value latest;

  /**
   * @param objective makes the objective's graph from the model's outputs and the targets
   */
  EagerSteps(Model model, GradientView view, BiFunction<Value[][], double[][], Value> objective) {
    this.model = model;
    this.view = view;
    this.objective = objective;
  }

  @Override
  public double forward(Rows batch, double[][] predictions, int from) {
    Value[][] outputs = model.forward(batch.inputs());
    latest = objective.apply(outputs, batch.targets());
    for (int r = 0; r < outputs.length; r++) {
      predictions[from + r] = TrainingRun.numbers(outputs[r]);
    }
    return latest.data();
  }

  @Override
  public double[] backward() {
    view.zeroGrad();
    latest.backward();
    return view.collectGradients();
  }

  @Override
  public void close() {}
}
