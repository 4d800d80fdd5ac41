package dev.retrograd.demo.cli;

import dev.retrograd.data.Task;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.DataSchema;
import dev.retrograd.train.Prediction;
import dev.retrograd.train.Predictor;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retrograd predict}: applies a trained model to raw rows and writes one line per row: the
 * predicted class and each class's probability, or the regression value in the target's units.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Apply a trained model (its checkpoint) to new rows, as raw as the training data was.",
        "Writes CSV: the row (its line in a CSV file, its number in an IDX file), the true class or value when the"
            + " input has it, the prediction, and for classification the probability of each class."})
public final class PredictCommand implements Callable<Integer> {

  @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
      description = "The checkpoint a training run wrote (checkpoint.txt).")
  private Path checkpoint;

  @Mixin
  private ModelInputs inputs;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the predictions here. Default: standard output.")
  private Path outputFile;

  /** Declares {@code --plugins}: a model with plugin activations needs their jars. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  private final Provider<Plugins> registry;

  @Inject
  PredictCommand(Provider<Plugins> registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws IOException {
    inputs.check();
    Predictor predictor = Predictor.load(checkpoint, registry.get());
    ModelInputs.Rows rows = inputs.read(predictor);
    List<Prediction> predictions = predictor.predict(rows.features());
    String csv = csv(predictor.schema(), rows, predictions);
    PrintWriter out = spec.commandLine().getOut();
    if (outputFile == null) {
      out.print(csv);
    } else {
      write(outputFile, csv);
      out.printf("wrote     %s: %d predictions for %s%n", outputFile, predictions.size(), rows.name());
    }
    out.flush();
    return 0;
  }

  /** Returns the predictions as CSV, one header line then one line per row. */
  static String csv(DataSchema schema, ModelInputs.Rows rows, List<Prediction> predictions) {
    StringWriter text = new StringWriter();
    boolean classes = schema.task() == Task.CLASSIFICATION;
    StringBuilder header = new StringBuilder("row");
    if (rows.hasTargets()) {
      header.append(',').append(field(schema.targetName()));
    }
    header.append(",predicted");
    if (classes) {
      schema.classNames().forEach(name -> header.append(',').append(field("p(" + name + ")")));
    }
    text.append(header).append('\n');
    for (int r = 0; r < predictions.size(); r++) {
      Prediction prediction = predictions.get(r);
      StringBuilder line = new StringBuilder().append(rows.rowNumbers()[r]);
      if (rows.labels() != null) {
        line.append(',').append(field(schema.classNames().get(rows.labels()[r])));
      } else if (rows.targets() != null) {
        line.append(',').append(rows.targets()[r]);
      }
      if (classes) {
        line.append(',').append(field(prediction.className()));
        for (double p : prediction.probabilities()) {
          line.append(',').append(String.format(java.util.Locale.ROOT, "%.6g", p));
        }
      } else {
        line.append(',').append(prediction.value());
      }
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** Returns {@code value} quoted as CSV needs it: in double quotes when it holds a comma, a quote or a line break. */
  static String field(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** Writes {@code text} to a temporary file beside {@code file}, then renames it into place. */
  static void write(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
