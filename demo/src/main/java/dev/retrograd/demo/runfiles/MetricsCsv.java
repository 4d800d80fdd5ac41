package dev.retrograd.demo.runfiles;

import dev.retrograd.data.Task;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.Scores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of {@code metrics.csv}: one row per epoch with the learning rate, the training and
 * validation scores (accuracy for classification; mse and r2 for regression), the gradient norm and
 * each layer's mean |gradient|. A missing value (no validation split) is an empty field. Numbers are
 * written with 8 significant digits.
 *
 * <pre>
 * epoch,learning_rate,train_loss,validation_loss,train_accuracy,validation_accuracy,gradient_norm,mean_abs_gradient_layer1,…
 * 1,0.010000000,0.90950000,0.24870000,0.72000000,0.91700000,1.1700000,0.021000000,…
 * </pre>
 *
 * <p>{@link MetricsLog} appends the rows as a run goes; {@link #read} turns rows back into
 * {@link EpochMetrics}, by column name, for the plots of a run's whole history.
 */
public final class MetricsCsv {

  /** The file's name in a run folder. */
  public static final String FILE_NAME = "metrics.csv";

  /** The first column, the epoch counted from 1. */
  static final String EPOCH = "epoch";

  /** What starts the name of a layer's mean |gradient| column, before the layer's name. */
  static final String LAYER_PREFIX = "mean_abs_gradient_";

  private final boolean classification;
  private final List<String> layers;

  /** Creates the columns of a run of {@code task} over a model with these layers, input side first. */
  public MetricsCsv(Task task, List<String> layers) {
    this.classification = task == Task.CLASSIFICATION;
    this.layers = List.copyOf(layers);
  }

  /** Returns the header line, without its line break. */
  String header() {
    return String.join(",", columns());
  }

  /** Returns the column names, in file order. */
  List<String> columns() {
    List<String> columns = new ArrayList<>(List.of(EPOCH, "learning_rate", "train_loss", "validation_loss"));
    columns.addAll(classification
        ? List.of("train_accuracy", "validation_accuracy")
        : List.of("train_mse", "validation_mse", "train_r2", "validation_r2"));
    columns.add("gradient_norm");
    layers.forEach(layer -> columns.add(LAYER_PREFIX + layer));
    return columns;
  }

  /** Returns the row of one epoch, without its line break. */
  String row(EpochMetrics m) {
    List<Double> row = new ArrayList<>(List.of(m.learningRate(), m.train().loss(), m.validation().loss()));
    if (classification) {
      row.addAll(List.of(m.train().accuracy(), m.validation().accuracy()));
    } else {
      row.addAll(List.of(m.train().mse(), m.validation().mse(), m.train().r2(), m.validation().r2()));
    }
    row.add(m.gradientNorm());
    layers.forEach(layer -> row.add(m.meanAbsGradientByLayer().getOrDefault(layer, Double.NaN)));
    StringBuilder line = new StringBuilder(Integer.toString(m.epoch()));
    row.forEach(value -> line.append(',').append(Double.isNaN(value) ? "" : format(value)));
    return line.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.8g", value);
  }

  /**
   * Returns the epochs of a table of {@code metrics.csv} rows, read by column name: a column this
   * version does not know is skipped, and one it misses reads as NaN. The elapsed time, which the
   * file does not hold, is zero.
   */
  static List<EpochMetrics> read(MetricsTable table) {
    List<EpochMetrics> epochs = new ArrayList<>();
    for (MetricsTable.Row row : table.rows()) {
      Map<String, Double> layers = new LinkedHashMap<>();
      for (String column : table.columns()) {
        if (column.startsWith(LAYER_PREFIX)) {
          layers.put(column.substring(LAYER_PREFIX.length()), row.number(column));
        }
      }
      epochs.add(new EpochMetrics(row.epoch(), row.number("learning_rate"), scores(row, "train"),
          scores(row, "validation"), row.number("gradient_norm"), layers, Duration.ZERO));
    }
    return epochs;
  }

  private static Scores scores(MetricsTable.Row row, String part) {
    return new Scores(row.number(part + "_loss"), row.number(part + "_accuracy"), row.number(part + "_mse"),
        row.number(part + "_r2"));
  }
}
