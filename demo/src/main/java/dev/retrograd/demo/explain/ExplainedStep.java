package dev.retrograd.demo.explain;

import dev.retrograd.autograd.graph.ValueGraph;
import java.util.List;

/**
 * The numbers of one training step, phase by phase, as {@link StepExplainer} measured them: what the
 * narration prints and what tests check.
 *
 * @param setup what ran
 * @param optimizerText the optimizer as configured, such as {@code sgd(lr=0.1)}
 * @param optimizerDescription the optimizer plugin's description, for a rule the narration has no text for
 * @param learningRate the optimizer's learning rate
 * @param forward every neuron's weighted sum and output, layer by layer, input side first
 * @param loss the loss phase
 * @param backward every layer's chain rule, output layer first
 * @param updates every parameter before and after the optimizer's step, in the network's order
 * @param lossAfter the loss of the same example after the step
 * @param graph the graph of the loss, traced after the backward pass, before the update
 */
public record ExplainedStep(StepSetup setup, String optimizerText, String optimizerDescription, double learningRate,
    List<NeuronForward> forward, LossPhase loss, List<LayerBackward> backward, List<ParameterUpdate> updates,
    double lossAfter, ValueGraph graph) {

  /**
   * One neuron's forward pass: s = w·x + b, y = f(s).
   *
   * @param layer the layer, 1 for the first hidden one
   * @param neuron its index in the layer, from 0
   * @param activation the activation's name, {@code identity} for a linear neuron
   * @param inputs the x it received
   * @param weights its w, one per input
   * @param bias its b
   * @param weightedSum s, summed here from the numbers above
   * @param output y, the engine's
   * @param activationAtSum f(s) computed here from the plugin, which must equal y
   */
  public record NeuronForward(int layer, int neuron, String activation, double[] inputs, double[] weights,
      double bias, double weightedSum, double output, double activationAtSum) {}

  /**
   * The loss of the prediction y against the target t.
   *
   * @param name the loss's name
   * @param description the plugin's one-line description, for a loss the narration has no formula for
   * @param prediction y
   * @param target t
   * @param value L, the engine's
   * @param gradient ∂L/∂y from the loss plugin's gradient
   */
  public record LossPhase(String name, String description, double[] prediction, double[] target, double value,
      double[] gradient) {}

  /**
   * The chain rule through one layer.
   *
   * @param layer the layer, 1 for the first hidden one
   * @param output whether it is the output layer, whose ∂L/∂y comes from the loss
   * @param activation its activation's name
   * @param neurons each neuron's chain rule
   */
  public record LayerBackward(int layer, boolean output, String activation, List<NeuronBackward> neurons) {}

  /**
   * The chain rule through one neuron y = f(s), s = w·x + b.
   *
   * @param neuron its index in the layer
   * @param lossGradient ∂L/∂y, computed here: from the loss for the output layer, else
   *     Σ<sub>k</sub> ∂L/∂y<sub>k</sub> · f'(s<sub>k</sub>) · w<sub>k,neuron</sub> over the next layer
   * @param terms the terms of that sum, each {∂L/∂y<sub>k</sub>, f'(s<sub>k</sub>), w<sub>k,neuron</sub>};
   *     empty for the output layer
   * @param engineGradient ∂L/∂y as the engine's backward pass left it on the neuron's node
   * @param weightedSum s
   * @param activationSlope f'(s)
   * @param parameters ∂L/∂w for each weight, then ∂L/∂b
   */
  public record NeuronBackward(int neuron, double lossGradient, List<double[]> terms, double engineGradient,
      double weightedSum, double activationSlope, List<ParameterGradient> parameters) {}

  /**
   * ∂L/∂w = ∂L/∂y × ∂y/∂w for one parameter, checked two ways.
   *
   * @param name the parameter's name, such as {@code layer1.weight[0][1]}
   * @param bias whether it is a bias (∂y/∂b = f'(s))
   * @param input x<sub>j</sub> for a weight, 1 for a bias
   * @param lossGradient ∂L/∂y, the first factor
   * @param localGradient ∂y/∂w = f'(s) · x<sub>j</sub>, the second factor
   * @param product their product
   * @param engine the parameter's gradient after the engine's backward pass
   * @param centralDifference (L(w + ε) − L(w − ε)) / 2ε with ε = {@value StepExplainer#EPSILON}
   */
  public record ParameterGradient(String name, boolean bias, double input, double lossGradient, double localGradient,
      double product, double engine, double centralDifference) {

    /**
     * Returns whether the product matches the engine (to rounding, 1e-12 relative) and the central
     * difference (within {@code torch.autograd.gradcheck}'s atol 1e-5 and rtol 1e-3).
     */
    public boolean agrees() {
      return Math.abs(product - engine) <= 1e-12 * Math.max(1, Math.abs(engine))
          && Math.abs(product - centralDifference) <= 1e-5 + 1e-3 * Math.abs(centralDifference);
    }
  }

  /**
   * One parameter's update.
   *
   * @param name its name
   * @param before w before the step
   * @param gradient ∂L/∂w
   * @param after w after the step
   */
  public record ParameterUpdate(String name, double before, double gradient, double after) {}
}
