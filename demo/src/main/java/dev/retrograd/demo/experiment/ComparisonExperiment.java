package dev.retrograd.demo.experiment;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Datasets;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.Task;
import dev.retrograd.nn.LayerSpec;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.Clipping;
import dev.retrograd.train.Schedule;
import dev.retrograd.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The shape every experiment shares: train a few configured runs on the same examples, print a
 * table of their figures, draw one chart overlaying them, and judge the claim from the figures.
 *
 * <p>A subclass says what to train ({@link #runs()}), which figures to tabulate ({@link #table}),
 * what to draw ({@link #writeChart}) and how to judge ({@link #verdict}). The data is the spiral of
 * {@value #SPIRAL_CLASSES} arms (CS231n), noise {@value #SPIRAL_NOISE}, standardized, drawn from
 * seed {@value #DATA_SEED}; networks are initialized from seed {@value #INIT_SEED} and batches
 * shuffled from seed {@value #SHUFFLE_SEED}, so every run is reproducible number for number.
 */
abstract class ComparisonExperiment implements Experiment {

  static final long DATA_SEED = 7;
  static final long INIT_SEED = 1;
  static final long SHUFFLE_SEED = 7;
  static final int SPIRAL_CLASSES = 3;
  static final double SPIRAL_NOISE = 0.2;

  private final Budget budget;
  private final Plugins plugins;

  ComparisonExperiment(Budget budget, Plugins plugins) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.plugins = Objects.requireNonNull(plugins, "plugins");
  }

  /** Returns the claim of the textbook this experiment checks, one sentence. */
  abstract String claim();

  /** Returns the number of spiral points at the full budget. */
  abstract int fullExamples();

  /** Returns the runs to train, in the order of the table and the legend. */
  abstract List<RunSpec> runs();

  /** Returns the table of the figures behind the claim. */
  abstract Table table(List<RunFigures> runs);

  /** Draws the chart overlaying the runs into {@code png}. */
  abstract void writeChart(List<RunFigures> runs, Path png) throws IOException;

  /** Judges the claim from the figures. */
  abstract Verdict verdict(List<RunFigures> runs);

  @Override
  public final ExperimentResult run(Path outputFolder, PrintStream out) {
    long start = System.nanoTime();
    Dataset data = spiral(budget.examples(fullExamples()));
    List<RunSpec> specs = runs();
    out.println(name() + ": " + claim());
    TrainingConfig common = specs.get(0).config();
    out.printf(Locale.ROOT, "%d standardized spiral points of %d classes; %s, %d epochs of batches of %d, %s schedule,"
        + " shuffled from seed %d; weights from seed %d%n", data.size(), SPIRAL_CLASSES, common.loss(),
        common.epochs(), common.batchSize(), common.schedule(), common.seed(), specs.get(0).initSeed());
    for (RunSpec spec : specs) {
      TrainingConfig config = spec.config();
      out.printf(Locale.ROOT, "  %s: %s; %s%s%n", spec.label(), compact(spec.architecture()), config.optimizer(),
          config.clipping().equals(Clipping.none()) ? "" : ", clipping " + config.clipping());
    }
    List<RunFigures> figures = Runner.onAvailableCores(plugins).train(specs, data);
    out.println();
    table(figures).print(out);
    out.println();
    Path png = outputFolder.resolve(name() + ".png");
    try {
      Files.createDirectories(outputFolder);
      writeChart(figures, png);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the chart " + png + ": " + e.getMessage()
          + "; check that the folder is writable.", e);
    }
    Verdict verdict = verdict(figures);
    out.println(verdict.text());
    out.printf(Locale.ROOT, "Chart: %s (%d runs in %.1f s)%n", png, specs.size(), (System.nanoTime() - start) / 1e9);
    return new ExperimentResult(name(), figures, png, verdict.held(), verdict.text());
  }

  /**
   * Returns the text form of {@code architecture} with runs of identical layers written once with a
   * count: {@code 2 -> 16 sigmoid xavier_uniform x10 -> 3 identity xavier_uniform}.
   */
  static String compact(MlpSpec architecture) {
    StringBuilder text = new StringBuilder(Integer.toString(architecture.inputs()));
    List<LayerSpec> layers = architecture.layers();
    for (int l = 0; l < layers.size(); ) {
      int same = 1;
      while (l + same < layers.size() && layers.get(l + same).equals(layers.get(l))) {
        same++;
      }
      text.append(" -> ").append(layers.get(l)).append(same > 1 ? " x" + same : "");
      l += same;
    }
    return text.toString();
  }

  /** Returns {@code n} standardized spiral points. */
  static Dataset spiral(int n) {
    Dataset spiral = Datasets.generate("spiral", n, SPIRAL_NOISE, DATA_SEED, SPIRAL_CLASSES);
    return Standardizer.fit(spiral).apply(spiral);
  }

  /**
   * Returns a network of {@code depth} hidden layers of {@code width} units with {@code activation},
   * then a linear output layer, one unit per spiral class, every layer initialized by
   * {@code initializer} (with hyperparameters, such as {@code uniform(low=-1,high=1)}).
   */
  static MlpSpec deepNet(int depth, int width, String activation, String initializer) {
    StringBuilder text = new StringBuilder("2");
    for (int l = 0; l < depth; l++) {
      text.append(" -> ").append(width).append(' ').append(activation).append(' ').append(initializer);
    }
    text.append(" -> ").append(SPIRAL_CLASSES).append(" identity ").append(initializer);
    return MlpSpec.parse(text.toString());
  }

  /**
   * Returns cross-entropy classification with {@code optimizer} ({@code "sgd"}) and its
   * hyperparameters ({@code "lr=0.1,momentum=0.9"}), the budget's share of {@code fullEpochs},
   * batches of {@code batchSize} shuffled from {@value #SHUFFLE_SEED}, and the learning rate
   * annealed to 0 by a cosine over the run ({@code CosineAnnealingLR(T_max=epochs)}), so that
   * final losses compare runs rather than the noise of their last steps.
   */
  TrainingConfig training(String optimizer, String hyperparameters, int fullEpochs, int batchSize) {
    return TrainingConfig.builder()
        .optimizer(optimizer, Hyperparameters.parse(hyperparameters))
        .loss("cross_entropy")
        .task(Task.CLASSIFICATION)
        .epochs(budget.epochs(fullEpochs))
        .batchSize(batchSize)
        .schedule(Schedule.cosine())
        .seed(SHUFFLE_SEED)
        .build();
  }
}
