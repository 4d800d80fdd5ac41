package dev.retrograd.demo.experiment;

import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.Clipping;
import dev.retrograd.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code exploding}: a deep ReLU network with weights too large for its depth, trained by SGD
 * without and with gradient clipping.
 *
 * <p><b>Claim</b> (exploding gradients and clipping): when each layer multiplies the signal's scale
 * by more than one, the gradient grows exponentially with depth. Here uniform(−1, 1) weights in
 * layers of 32 give each layer a gain of √(32/3 · 1/2) ≈ 2.3, so the gradient norm at
 * initialization is in the hundreds; an SGD step of lr·g then throws the weights so far that the
 * next gradient is larger still, and within a few steps the loss overflows to NaN. Clipping the
 * gradient to global norm 1 ({@code torch.nn.utils.clip_grad_norm_(max_norm=1)}) bounds every step
 * to lr, and the same run trains.
 *
 * <p><b>Setup</b>: 8 hidden ReLU layers of 32 units, uniform(−1, 1) weights, 300 spiral points,
 * batches of 16, SGD lr 0.01 without momentum annealed by a cosine, 30 epochs; without clipping and with
 * {@link Clipping#byNorm(double) Clipping.byNorm(1.0)}, from the same weights and batches.
 *
 * <p><b>Figures</b>: the loss of every step (exploding.png, log scale; a diverging loss is drawn up
 * to {@value #CEILING_FACTOR} times the largest initial loss, beyond which it would flatten the
 * other line), and a table of the loss and gradient norm at initialization, the first epoch's mean
 * gradient norm before clipping, and the outcome: the final loss, or where the run diverged.
 */
final class ExplodingGradientsExperiment extends ComparisonExperiment {

  static final double CEILING_FACTOR = 1e4;

  private static final int DEPTH = 8;
  private static final int WIDTH = 32;
  private static final int EPOCHS = 30;
  private static final int BATCH = 16;

  ExplodingGradientsExperiment(Budget budget, Plugins plugins) {
    super(budget, plugins);
  }

  @Override
  public String name() {
    return "exploding";
  }

  @Override
  public String description() {
    return "A deep ReLU network with large weights diverges under SGD, and trains with gradient clipping";
  }

  @Override
  String claim() {
    return "With weights too large for the depth, plain SGD diverges (the loss explodes to NaN) while the same "
        + "run with gradients clipped to norm 1 trains (a finite final loss below its initial loss).";
  }

  @Override
  int fullExamples() {
    return 300;
  }

  @Override
  List<RunSpec> runs() {
    MlpSpec network = deepNet(DEPTH, WIDTH, "relu", "uniform(low=-1,high=1)");
    TrainingConfig sgd = training("sgd", "lr=0.01", EPOCHS, BATCH);
    return List.of(
        new RunSpec("no clipping", network, sgd, INIT_SEED),
        new RunSpec("clip norm 1.0", network, sgd.toBuilder().clipping(Clipping.byNorm(1.0)).build(), INIT_SEED));
  }

  @Override
  Table table(List<RunFigures> runs) {
    Table table = new Table("run", "initial loss", "initial gradient norm", "epoch 1 gradient norm (unclipped)",
        "outcome");
    for (RunFigures run : runs) {
      table.row(run.label(), Table.number(run.initial().loss()), Table.number(run.initial().gradientNorm()),
          Table.number(run.gradientNorms().isEmpty() ? Double.NaN : run.gradientNorms().get(0)), run.outcome());
    }
    return table;
  }

  @Override
  void writeChart(List<RunFigures> runs, Path png) throws IOException {
    double ceiling = CEILING_FACTOR * runs.stream().mapToDouble(run -> run.initial().loss()).max().orElse(1);
    RunCharts.lossPerStep("Exploding gradients: training loss per step, SGD without and with clipping", runs,
        ceiling).writePng(png);
  }

  @Override
  Verdict verdict(List<RunFigures> runs) {
    RunFigures plain = runs.get(0);
    RunFigures clipped = runs.get(1);
    boolean exploded = plain.diverged() || !(plain.finalLoss() < plain.initial().loss());
    boolean trained = !clipped.diverged() && clipped.finalLoss() < clipped.initial().loss();
    return Verdict.of(exploded && trained, "from an initial loss of " + Table.number(plain.initial().loss())
        + " and gradient norm " + Table.number(plain.initial().gradientNorm()) + ", without clipping: "
        + plain.outcome() + "; with clipping: " + clipped.outcome() + ".");
  }
}
