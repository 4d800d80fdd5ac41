package dev.retrograd.demo.experiment;

import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code vanishing}: the gradients of a deep sigmoid network fade on their way back to the input;
 * those of the same network with ReLU do not.
 *
 * <p><b>Claim</b> (vanishing gradients): backpropagation multiplies the gradient, layer after
 * layer, by the activation's derivative times the weights. The sigmoid's derivative
 * σ'(z) = σ(z)(1 − σ(z)) is at most 1/4, so with Xavier weights each layer shrinks the gradient about
 * fourfold and ten layers shrink it a millionfold: the first layer's mean |gradient| is orders of
 * magnitude (at least {@value #SIGMOID_MIN_RATIO}×) smaller than the output layer's. ReLU's
 * derivative is 1 wherever a unit is active, and with He weights (variance 2/fan_in) the gradient
 * keeps its scale: the ratio stays below {@value #RELU_MAX_RATIO}.
 *
 * <p><b>Setup</b>: 10 hidden layers of 16 units, sigmoid with Xavier uniform (Glorot and Bengio's
 * init for it) against ReLU with He normal (He et al.'s), the same 300 spiral points and batches,
 * SGD lr 0.1 momentum 0.9 (cosine-annealed), 10 epochs. (With Xavier weights ReLU halves the signal's variance per
 * layer and its ratio grows to about 10 as well: the init is part of the cure.)
 *
 * <p><b>Figures</b>: the mean |gradient| of each layer's parameters averaged over the first
 * epoch's steps (vanishing.png: grouped bars on a log scale), the last/first ratio of each run,
 * and each run's final loss.
 */
final class VanishingGradientsExperiment extends ComparisonExperiment {

  static final double SIGMOID_MIN_RATIO = 100;
  static final double RELU_MAX_RATIO = 10;

  private static final int DEPTH = 10;
  private static final int WIDTH = 16;
  private static final int EPOCHS = 10;
  private static final int BATCH = 16;

  VanishingGradientsExperiment(Budget budget, Plugins plugins) {
    super(budget, plugins);
  }

  @Override
  public String name() {
    return "vanishing";
  }

  @Override
  public String description() {
    return "Gradients per layer of a deep sigmoid network vs the same network with ReLU";
  }

  @Override
  String claim() {
    return "In a deep sigmoid network the first layer's gradients are orders of magnitude smaller than the last "
        + "layer's (ratio >= " + (int) SIGMOID_MIN_RATIO + "); with ReLU they are not (ratio < "
        + (int) RELU_MAX_RATIO + ").";
  }

  @Override
  int fullExamples() {
    return 300;
  }

  @Override
  List<RunSpec> runs() {
    String sgd = "lr=0.1,momentum=0.9";
    return List.of(
        new RunSpec("sigmoid", deepNet(DEPTH, WIDTH, "sigmoid", "xavier_uniform"),
            training("sgd", sgd, EPOCHS, BATCH), INIT_SEED),
        new RunSpec("relu", deepNet(DEPTH, WIDTH, "relu", "he_normal"),
            training("sgd", sgd, EPOCHS, BATCH), INIT_SEED));
  }

  @Override
  Table table(List<RunFigures> runs) {
    RunFigures sigmoid = runs.get(0);
    RunFigures relu = runs.get(1);
    Table table = new Table("mean |gradient|, epoch 1", sigmoid.label(), relu.label());
    for (String layer : sigmoid.firstEpochGradients().keySet()) {
      table.row(layer, Table.number(sigmoid.firstEpochGradients().get(layer)),
          Table.number(relu.firstEpochGradients().getOrDefault(layer, Double.NaN)));
    }
    table.row("last/first ratio", Table.number(sigmoid.gradientRatio()), Table.number(relu.gradientRatio()));
    table.row("final loss", Table.number(sigmoid.finalLoss()), Table.number(relu.finalLoss()));
    return table;
  }

  @Override
  void writeChart(List<RunFigures> runs, Path png) throws IOException {
    RunCharts.firstEpochGradients("Vanishing gradients: mean |gradient| per layer in epoch 1",
        runs).writePng(png);
  }

  @Override
  Verdict verdict(List<RunFigures> runs) {
    double sigmoid = runs.get(0).gradientRatio();
    double relu = runs.get(1).gradientRatio();
    boolean held = sigmoid >= SIGMOID_MIN_RATIO && relu < RELU_MAX_RATIO;
    return Verdict.of(held, "the output layer's mean |gradient| is " + Table.number(sigmoid)
        + " times the first layer's with sigmoid (needs >= " + (int) SIGMOID_MIN_RATIO + ") and "
        + Table.number(relu) + " times with relu (needs < " + (int) RELU_MAX_RATIO + ").");
  }
}
