package dev.retrograd.demo.cli;

import dev.retrograd.data.Task;
import dev.retrograd.demo.plot.ConfusionMatrixChart;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.Evaluation;
import dev.retrograd.train.Predictor;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retrograd evaluate}: scores a trained model on labelled rows, prints the metrics training
 * reports and, for classification, writes {@code confusion_matrix.png}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Score a trained model (its checkpoint) on labelled rows: the loss and accuracy with each class's"
        + " recall and precision, or MSE and R² in the target's units.",
        "Writes confusion_matrix.png for classification into --out."})
public final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
      description = "The checkpoint a training run wrote (checkpoint.txt).")
  private Path checkpoint;

  @Mixin
  private ModelInputs inputs;

  @Option(names = "--out", paramLabel = "FOLDER",
      description = "Folder of confusion_matrix.png. Default: the checkpoint's folder/evaluation-<data>.")
  private Path outputFolder;

  /** Declares {@code --plugins}: a model with plugin activations needs their jars. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  private final Provider<Plugins> registry;

  @Inject
  EvaluateCommand(Provider<Plugins> registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws IOException {
    inputs.check();
    Plugins catalog = registry.get();
    Predictor predictor = Predictor.load(checkpoint, catalog);
    ModelInputs.Rows rows = inputs.read(predictor);
    if (!rows.hasTargets()) {
      throw new IllegalArgumentException(rows.name() + " has no " + (predictor.schema().task() == Task.CLASSIFICATION
          ? "labels" : "targets") + " (no column '" + predictor.schema().targetName() + "'" + (rows.name()
          .contains("idx") ? ", no --labels file" : "") + "), so there is nothing to compare the predictions with;"
          + " use 'retrograd predict' for unlabelled rows.");
    }
    boolean classes = predictor.schema().task() == Task.CLASSIFICATION;
    Evaluation evaluation = classes
        ? Evaluation.ofClasses(predictor, rows.features(), rows.labels(), catalog)
        : Evaluation.ofTargets(predictor, rows.features(), rows.targets(), catalog);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("model     %s, after epoch %d (%s)%n", predictor.checkpoint().identity().architecture(),
        predictor.checkpoint().epoch(), checkpoint);
    out.printf(Locale.ROOT, "evaluate  %s on %d examples of %s%n",
        new EpochReport(out, predictor.schema().task()).scores(evaluation.scores()), evaluation.size(), rows.name());
    if (classes) {
      int width = Math.max(12, evaluation.classNames().stream().mapToInt(String::length).max().orElse(0) + 2);
      out.printf(Locale.ROOT, "%-" + width + "s%9s%9s%9s%10s%n", "class", "examples", "correct", "recall",
          "precision");
      for (int c = 0; c < evaluation.classNames().size(); c++) {
        out.printf(Locale.ROOT, "%-" + width + "s%9d%9d%9s%10s%n", evaluation.classNames().get(c),
            evaluation.support(c), evaluation.confusion()[c][c], percent(evaluation.recall(c)),
            percent(evaluation.precision(c)));
      }
      Path folder = outputFolder != null ? outputFolder : checkpoint.toAbsolutePath().getParent()
          .resolve("evaluation-" + rows.name().replaceAll("[^A-Za-z0-9._-]+", "_"));
      Files.createDirectories(folder);
      Path picture = folder.resolve("confusion_matrix.png");
      new ConfusionMatrixChart(String.format(Locale.ROOT, "Confusion matrix: %d examples of %s, %.1f%% correct",
          evaluation.size(), rows.name(), 100 * evaluation.scores().accuracy()), evaluation.classNames(),
          evaluation.confusion()).writePng(picture);
      out.printf("wrote     %s%n", picture);
    }
    out.flush();
    return 0;
  }

  /** Returns {@code 83.4%}, or {@code -} for NaN. */
  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
