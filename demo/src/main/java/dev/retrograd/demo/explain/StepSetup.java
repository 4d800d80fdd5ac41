package dev.retrograd.demo.explain;

import dev.retrograd.api.Hyperparameters;
import java.util.Arrays;

/**
 * What one explained training step runs: a network of {@code input.length} inputs, hidden layers of
 * one activation and an output layer as wide as {@code target}, a loss and an optimizer, all plugins
 * by name, and one example.
 *
 * @param hidden the widths of the hidden layers, each ≥ 1
 * @param activation the activation of the hidden layers
 * @param outputActivation the activation of the output layer, {@code identity} for a linear one
 * @param initializer the weight initializer; biases start at 0
 * @param seed the seed of the initializer's draws
 * @param loss the loss
 * @param optimizer the optimizer
 * @param optimizerHyperparameters its hyperparameters, {@code lr} among them
 * @param input the example's input, at least one number
 * @param target the example's target, one number per output
 */
public record StepSetup(int[] hidden, String activation, String outputActivation, String initializer, long seed,
    String loss, String optimizer, Hyperparameters optimizerHyperparameters, double[] input, double[] target) {

  /** Checks the widths and the example, and copies the arrays. */
  public StepSetup {
    if (hidden.length == 0 || Arrays.stream(hidden).anyMatch(width -> width < 1)) {
      throw new IllegalArgumentException("hidden widths must be one or more numbers >= 1, was "
          + Arrays.toString(hidden) + "; such as --hidden 2 or --hidden 3,2.");
    }
    if (input.length == 0 || target.length == 0) {
      throw new IllegalArgumentException("the example needs at least one input and one target, was input "
          + Arrays.toString(input) + " and target " + Arrays.toString(target) + ".");
    }
    hidden = hidden.clone();
    input = input.clone();
    target = target.clone();
  }

  /**
   * Returns {@code retrograd explain}'s defaults: 2-2-1, tanh, a linear output, Xavier-uniform weights
   * from seed 7, MSE, SGD with lr 0.1, and the example x = (0.5, −1.0), t = 1.0.
   */
  public static StepSetup defaults() {
    return new StepSetup(new int[] {2}, "tanh", "identity", "xavier_uniform", 7, "mse", "sgd",
        Hyperparameters.parse("lr=0.1"), new double[] {0.5, -1.0}, new double[] {1.0});
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  @Override
  public double[] input() {
    return input.clone();
  }

  @Override
  public double[] target() {
    return target.clone();
  }

  /** Returns the widths of every layer, inputs first, such as {@code 2-2-1}. */
  public String widths() {
    StringBuilder text = new StringBuilder().append(input.length);
    for (int width : hidden) {
      text.append('-').append(width);
    }
    return text.append('-').append(target.length).toString();
  }
}
