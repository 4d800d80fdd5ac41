package dev.retrograd.demo.experiment;

import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code init}: the same deep ReLU network initialized naively, the Xavier way and the He way.
 *
 * <p><b>Claim</b> (initialization): a layer with fan_in inputs and weights of variance v multiplies
 * the variance of a ReLU signal by fan_in·v/2. uniform(−1, 1) (v = 1/3) makes that 32/6 ≈ 5 per layer
 * here, so activations and gradients grow exponentially with depth and SGD explodes; Xavier
 * (v = 2/(fan_in + fan_out) = 1/32) makes it 1/2, so the signal fades with depth and training starts
 * slowly; He (v = 2/fan_in) makes it exactly 1, so the signal keeps its scale through every layer
 * and the network trains best.
 *
 * <p><b>Setup</b>: 8 hidden ReLU layers of 32 units, 300 spiral points, batches of 16, SGD lr 0.05
 * without momentum annealed by a cosine, 30 epochs, initialized by {@code uniform(low=-1,high=1)},
 * {@code xavier_uniform} and {@code he_normal} from the same seed.
 *
 * <p><b>Figures</b>: the training loss per epoch (init.png, log scale), and a table of the RMS of
 * the first and last hidden layers' activations at initialization, the gradient norm at
 * initialization, and the final loss and accuracy (or where the run diverged). The claim holds when
 * He ends with the lowest final loss and uniform(−1, 1) diverges or ends worse than both.
 */
final class InitializationExperiment extends ComparisonExperiment {

  private static final int DEPTH = 8;
  private static final int WIDTH = 32;
  private static final int EPOCHS = 30;
  private static final int BATCH = 16;

  InitializationExperiment(Budget budget, Plugins plugins) {
    super(budget, plugins);
  }

  @Override
  public String name() {
    return "init";
  }

  @Override
  public String description() {
    return "uniform(-1,1) vs Xavier vs He initialization of a deep ReLU network";
  }

  @Override
  String claim() {
    return "In a deep ReLU network, He initialization keeps the signal's scale and trains best; uniform(-1,1) "
        + "makes it explode and Xavier lets it fade.";
  }

  @Override
  int fullExamples() {
    return 300;
  }

  @Override
  List<RunSpec> runs() {
    return List.of(run("uniform(-1,1)", "uniform(low=-1,high=1)"), run("xavier_uniform", "xavier_uniform"),
        run("he_normal", "he_normal"));
  }

  private RunSpec run(String label, String initializer) {
    return new RunSpec(label, deepNet(DEPTH, WIDTH, "relu", initializer), training("sgd", "lr=0.05", EPOCHS, BATCH),
        INIT_SEED);
  }

  @Override
  Table table(List<RunFigures> runs) {
    Table table = new Table("init", "activation RMS layer 1", "layer " + DEPTH, "initial gradient norm",
        "outcome");
    for (RunFigures run : runs) {
      table.row(run.label(), Table.number(run.initial().activationScales().get(0)),
          Table.number(run.initial().lastHiddenScale()), Table.number(run.initial().gradientNorm()),
          run.outcome());
    }
    return table;
  }

  @Override
  void writeChart(List<RunFigures> runs, Path png) throws IOException {
    RunCharts.lossPerEpoch("Initialization: training loss per epoch, 8 ReLU layers of 32, SGD", runs).writePng(png);
  }

  @Override
  Verdict verdict(List<RunFigures> runs) {
    RunFigures uniform = runs.get(0);
    RunFigures xavier = runs.get(1);
    RunFigures he = runs.get(2);
    boolean heBest = !he.diverged() && (xavier.diverged() || he.finalLoss() < xavier.finalLoss());
    boolean uniformWorst = uniform.diverged()
        || uniform.finalLoss() > Math.max(he.finalLoss(), xavier.diverged() ? 0 : xavier.finalLoss());
    return Verdict.of(heBest && uniformWorst, "he_normal: " + he.outcome() + "; xavier_uniform: " + xavier.outcome()
        + "; uniform(-1,1): " + uniform.outcome() + ".");
  }
}
