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
 * validation scores (accuracy for classification; mse and r2 for regression), the gradient norm,
 * each layer's mean |gradient|, and {@code train_seconds}, the wall time of the epoch's training pass
 * (forward, backward and update of every step; validation scoring and the checkpoint excluded). A
 * missing value (no validation split) is an empty field. Numbers are written with 8 significant digits.
 *
 * <pre>
 * epoch,learning_rate,train_loss,validation_loss,train_accuracy,validation_accuracy,gradient_norm,mean_abs_gradient_layer1,…,train_seconds
 * 1,0.010000000,0.90950000,0.24870000,0.72000000,0.91700000,1.1700000,0.021000000,…,0.12345678
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

  /** The last column, the wall time of the epoch's training pass in seconds. */
  static final String TRAIN_SECONDS = "train_seconds";

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
    columns.add(TRAIN_SECONDS);
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
    row.add(m.trainingElapsed().toNanos() / 1e9);
    StringBuilder line = new StringBuilder(Integer.toString(m.epoch()));
    row.forEach(value -> line.append(',').append(Double.isNaN(value) ? "" : format(value)));
    return line.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.8g", value);
  }

  /**
   * Returns the epochs of a table of {@code metrics.csv} rows, read by column name: a column this
   * version does not know is skipped, and one it misses reads as NaN. The epoch's elapsed time, which
   * the file does not hold, is zero; the training pass's is read from {@code train_seconds} (zero when
   * a file of an earlier version misses it).
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
          scores(row, "validation"), row.number("gradient_norm"), layers, Duration.ZERO, trainingTime(row)));
    }
    return epochs;
  }

  private static Duration trainingTime(MetricsTable.Row row) {
    double seconds = row.number(TRAIN_SECONDS);
    return Double.isFinite(seconds) && seconds >= 0 ? Duration.ofNanos(Math.round(seconds * 1e9)) : Duration.ZERO;
  }

  private static Scores scores(MetricsTable.Row row, String part) {
    return new Scores(row.number(part + "_loss"), row.number(part + "_accuracy"), row.number(part + "_mse"),
        row.number(part + "_r2"));
  }
}
