package dev.retrograd.demo.experiment;

import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code optimizers}: SGD with momentum, Adam, AdamW and Lion train the same network from the same
 * initial weights on the same shuffled batches.
 *
 * <p><b>Claim</b> (the textbook's survey of optimizers): each of them, at the learning rate
 * customary for it, trains the network; they differ in how they scale the step. SGD steps by
 * lr·(momentum-averaged gradient), so its lr must suit the gradient's scale; Adam and AdamW divide by
 * a running RMS of the gradient, so every weight moves by about lr whatever its gradient's scale
 * (AdamW also decays the weights apart from the gradient); Lion moves every weight by exactly lr in
 * the direction of the sign of an interpolated momentum, so it takes an lr 3 to 10 times smaller
 * than AdamW's (Chen et al. 2023).
 *
 * <p><b>Setup</b>: a 2 → 32 → 32 → 3 ReLU network (He normal), 300 spiral points, batches of 16,
 * 40 epochs, cosine-annealed learning rates from sgd lr 0.1 momentum 0.9, adam lr 0.01, adamw lr
 * 0.01 weight_decay 0.01, lion lr 0.003.
 *
 * <p><b>Figures</b>: the training loss per epoch of each run (optimizers.png, log scale), and a
 * table of the loss at initialization (the same for all), the loss of the first and last epochs, the
 * final accuracy and the first epoch reaching loss {@value #TARGET_LOSS}. The claim holds when every
 * run ends below a tenth of the initial loss.
 */
final class OptimizersExperiment extends ComparisonExperiment {

  static final double TARGET_LOSS = 0.1;

  private static final int EPOCHS = 40;
  private static final int BATCH = 16;
  private static final MlpSpec NETWORK = MlpSpec.of(2, new int[] {32, 32}, SPIRAL_CLASSES, "relu", "he_normal");

  OptimizersExperiment(Budget budget, Plugins plugins) {
    super(budget, plugins);
  }

  @Override
  public String name() {
    return "optimizers";
  }

  @Override
  public String description() {
    return "SGD with momentum vs Adam vs AdamW vs Lion on the same network, weights and batches";
  }

  @Override
  String claim() {
    return "SGD with momentum, Adam, AdamW and Lion, each at its customary learning rate, all train the same "
        + "network from the same weights (final loss below a tenth of the initial loss).";
  }

  @Override
  int fullExamples() {
    return 300;
  }

  @Override
  List<RunSpec> runs() {
    return List.of(
        run("sgd", "lr=0.1,momentum=0.9"),
        run("adam", "lr=0.01"),
        run("adamw", "lr=0.01,weight_decay=0.01"),
        run("lion", "lr=0.003"));
  }

  private RunSpec run(String optimizer, String hyperparameters) {
    return new RunSpec(optimizer, NETWORK, training(optimizer, hyperparameters, EPOCHS, BATCH), INIT_SEED);
  }

  @Override
  Table table(List<RunFigures> runs) {
    Table table = new Table("optimizer", "initial loss", "epoch 1 loss", "final loss", "final accuracy",
        "epochs to loss " + TARGET_LOSS);
    for (RunFigures run : runs) {
      OptionalInt reached = run.epochsToReach(TARGET_LOSS);
      table.row(run.label(), Table.number(run.initial().loss()), Table.number(run.firstEpochLoss()),
          Table.number(run.finalLoss()), Table.percent(run.finalAccuracy()),
          reached.isPresent() ? Integer.toString(reached.getAsInt()) : "not reached");
    }
    return table;
  }

  @Override
  void writeChart(List<RunFigures> runs, Path png) throws IOException {
    RunCharts.lossPerEpoch("Optimizers: training loss per epoch, same network, weights and batches", runs)
        .writePng(png);
  }

  @Override
  Verdict verdict(List<RunFigures> runs) {
    boolean held = true;
    StringBuilder losses = new StringBuilder();
    RunFigures fastest = null;
    for (RunFigures run : runs) {
      held &= !run.diverged() && run.finalLoss() < run.initial().loss() / 10;
      losses.append(losses.length() == 0 ? "" : ", ").append(run.label()).append(' ')
          .append(Table.number(run.finalLoss()));
      OptionalInt reached = run.epochsToReach(TARGET_LOSS);
      if (reached.isPresent()
          && (fastest == null || reached.getAsInt() < fastest.epochsToReach(TARGET_LOSS).getAsInt())) {
        fastest = run;
      }
    }
    String first = fastest == null ? "none reached loss " + TARGET_LOSS
        : "first to loss " + TARGET_LOSS + ": " + fastest.label() + " (epoch "
            + fastest.epochsToReach(TARGET_LOSS).getAsInt() + ")";
    return Verdict.of(held, "from an initial loss of " + Table.number(runs.get(0).initial().loss())
        + " the final losses are " + losses + " (each needs < a tenth); " + first + ".");
  }
}
