package dev.retrograd.demo.experiment;

import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A deep sigmoid network whose training stalls, trained as it is and with a remedy built into its
 * layers ({@link BatchNormExperiment batch normalization}, {@link ResidualExperiment residual
 * connections}), from the same weights and batches.
 *
 * <p><b>Setup</b>: 10 hidden sigmoid layers of 16 units (Xavier uniform), 300 spiral points,
 * batches of 16, SGD lr 0.1 momentum 0.9 annealed by a cosine, 40 epochs. Without a remedy the first layer's gradients
 * are about a million times smaller than the output layer's and the loss stays near ln 3 ≈ 1.1,
 * chance for three classes.
 *
 * <p><b>Figures</b>: the training loss per epoch (log scale), and a table of the first layer's mean
 * |gradient| in the first epoch, the last/first ratio, and the loss of the first and last epochs.
 * The claim holds when the remedied network ends with a lower loss and its first layer gets at
 * least {@value #MIN_GRADIENT_GAIN} times larger gradients.
 */
abstract class RemedyExperiment extends ComparisonExperiment {

  static final double MIN_GRADIENT_GAIN = 10;

  private static final int DEPTH = 10;
  private static final int WIDTH = 16;
  private static final int EPOCHS = 40;
  private static final int BATCH = 16;

  RemedyExperiment(Budget budget, Plugins plugins) {
    super(budget, plugins);
  }

  /** Returns the remedy's label, such as {@code "batch norm"}. */
  abstract String remedy();

  /** Returns the remedy's name in the chart's title, such as {@code "Batch normalization"}. */
  abstract String title();

  /** Returns {@code plain} with the remedy built in. */
  abstract MlpSpec withRemedy(MlpSpec plain);

  @Override
  int fullExamples() {
    return 300;
  }

  @Override
  List<RunSpec> runs() {
    MlpSpec plain = deepNet(DEPTH, WIDTH, "sigmoid", "xavier_uniform");
    TrainingConfig sgd = training("sgd", "lr=0.1,momentum=0.9", EPOCHS, BATCH);
    return List.of(new RunSpec("plain", plain, sgd, INIT_SEED),
        new RunSpec(remedy(), withRemedy(plain), sgd, INIT_SEED));
  }

  @Override
  Table table(List<RunFigures> runs) {
    Table table = new Table("run", "layer 1 mean |gradient|", "last/first ratio", "epoch 1 loss", "outcome");
    for (RunFigures run : runs) {
      table.row(run.label(), Table.number(run.firstLayerGradient()), Table.number(run.gradientRatio()),
          Table.number(run.firstEpochLoss()), run.outcome());
    }
    return table;
  }

  @Override
  void writeChart(List<RunFigures> runs, Path png) throws IOException {
    RunCharts.lossPerEpoch(title() + ": training loss per epoch, 10 sigmoid layers of 16", runs).writePng(png);
  }

  @Override
  Verdict verdict(List<RunFigures> runs) {
    RunFigures plain = runs.get(0);
    RunFigures remedied = runs.get(1);
    double gain = remedied.firstLayerGradient() / plain.firstLayerGradient();
    boolean held = !remedied.diverged() && (plain.diverged() || remedied.finalLoss() < plain.finalLoss())
        && gain >= MIN_GRADIENT_GAIN;
    return Verdict.of(held, "final loss " + Table.number(remedied.finalLoss()) + " with " + remedy() + " vs "
        + Table.number(plain.finalLoss()) + " without; the first layer's gradients are " + Table.number(gain)
        + " times larger (needs >= " + (int) MIN_GRADIENT_GAIN + ").");
  }
}
