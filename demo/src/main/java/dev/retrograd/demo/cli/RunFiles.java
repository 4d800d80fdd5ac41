package dev.retrograd.demo.cli;

import dev.retrograd.data.Task;
import dev.retrograd.demo.plot.DecisionBoundaryChart;
import dev.retrograd.demo.plot.LineChart;
import dev.retrograd.demo.plot.Series;
import dev.retrograd.demo.plot.YScale;
import dev.retrograd.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The files a training run leaves in its output folder: {@code metrics.csv}, {@code loss.png},
 * {@code accuracy.png} (classification), {@code gradients.png}, and {@code decision_boundary.png}
 * (two-feature classification).
 */
final class RunFiles {

  private final Path folder;
  private final List<EpochMetrics> epochs;
  private final Task task;

  RunFiles(Path folder, List<EpochMetrics> epochs, Task task) {
    this.folder = folder;
    this.epochs = epochs;
    this.task = task;
  }

  /** Writes metrics.csv and the curves; returns the paths written. */
  List<Path> writeMetricsAndCurves() throws IOException {
    List<Path> written = new ArrayList<>();
    written.add(writeCsv());
    written.add(chart("loss.png", "Loss", "loss", YScale.LOG,
        series("train", m -> m.train().loss()), series("validation", m -> m.validation().loss())));
    if (task == Task.CLASSIFICATION) {
      written.add(chart("accuracy.png", "Accuracy", "accuracy", YScale.LINEAR,
          series("train", m -> m.train().accuracy()), series("validation", m -> m.validation().accuracy())));
    }
    written.add(gradients());
    return written;
  }

  /** Writes decision_boundary.png over the raw two-feature points; returns its path. */
  Path writeDecisionBoundary(ToIntFunction<double[]> classifier, double[][] points, int[] labels,
      List<String> classNames) throws IOException {
    Path file = folder.resolve("decision_boundary.png");
    new DecisionBoundaryChart("Decision boundary", classifier, points, labels, classNames,
        DecisionBoundaryChart.DEFAULT_GRID_CELLS).writePng(file);
    return file;
  }

  private Path writeCsv() throws IOException {
    List<String> layers = epochs.isEmpty() ? List.of() : List.copyOf(epochs.get(0).meanAbsGradientByLayer().keySet());
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder("epoch,learning_rate,train_loss,validation_loss");
    header.append(task == Task.CLASSIFICATION
        ? ",train_accuracy,validation_accuracy"
        : ",train_mse,validation_mse,train_r2,validation_r2");
    header.append(",gradient_norm");
    layers.forEach(layer -> header.append(",mean_abs_gradient_").append(layer));
    lines.add(header.toString());
    for (EpochMetrics m : epochs) {
      List<Double> row = new ArrayList<>(List.of(m.learningRate(), m.train().loss(), m.validation().loss()));
      if (task == Task.CLASSIFICATION) {
        row.addAll(List.of(m.train().accuracy(), m.validation().accuracy()));
      } else {
        row.addAll(List.of(m.train().mse(), m.validation().mse(), m.train().r2(), m.validation().r2()));
      }
      row.add(m.gradientNorm());
      layers.forEach(layer -> row.add(m.meanAbsGradientByLayer().getOrDefault(layer, Double.NaN)));
      StringBuilder line = new StringBuilder(Integer.toString(m.epoch()));
      row.forEach(value -> line.append(',').append(Double.isNaN(value) ? "" : format(value)));
      lines.add(line.toString());
    }
    Files.createDirectories(folder);
    return Files.write(folder.resolve("metrics.csv"), lines);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.8g", value);
  }

  private Path gradients() throws IOException {
    List<Series> lines = new ArrayList<>();
    lines.add(series("global norm", EpochMetrics::gradientNorm));
    if (!epochs.isEmpty()) {
      for (String layer : epochs.get(0).meanAbsGradientByLayer().keySet()) {
        lines.add(series(layer + " mean |g|", m -> m.meanAbsGradientByLayer().getOrDefault(layer, Double.NaN)));
      }
    }
    Path file = folder.resolve("gradients.png");
    new LineChart("Gradients per layer", "epoch", "gradient", lines, YScale.LOG).writePng(file);
    return file;
  }

  private Path chart(String name, String title, String yLabel, YScale scale, Series... series) throws IOException {
    List<Series> drawn = new ArrayList<>();
    for (Series s : series) {
      boolean hasValues = false;
      for (int i = 0; i < s.size(); i++) {
        hasValues |= !Double.isNaN(s.value(i));
      }
      if (hasValues) {
        drawn.add(s);
      }
    }
    Path file = folder.resolve(name);
    new LineChart(title, "epoch", yLabel, drawn, scale).writePng(file);
    return file;
  }

  private Series series(String name, ToDoubleFunction<EpochMetrics> value) {
    return Series.of(name, epochs.stream().mapToDouble(value).toArray());
  }
}
