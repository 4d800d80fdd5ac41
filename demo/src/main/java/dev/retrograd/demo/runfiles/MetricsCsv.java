package dev.retrograd.demo.runfiles;

import dev.retrograd.data.Task;
import dev.retrograd.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code metrics.csv}: one row per epoch with the learning rate, the training and validation scores
 * (accuracy for classification; mse and r2 for regression), the gradient norm and each layer's mean
 * |gradient|. A missing value (no validation split) is an empty field.
 */
final class MetricsCsv implements RunFile {

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    List<EpochMetrics> epochs = run.epochs();
    boolean classification = run.task() == Task.CLASSIFICATION;
    List<String> layers = epochs.isEmpty() ? List.of() : List.copyOf(epochs.get(0).meanAbsGradientByLayer().keySet());
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder("epoch,learning_rate,train_loss,validation_loss");
    header.append(classification
        ? ",train_accuracy,validation_accuracy"
        : ",train_mse,validation_mse,train_r2,validation_r2");
    header.append(",gradient_norm");
    layers.forEach(layer -> header.append(",mean_abs_gradient_").append(layer));
    lines.add(header.toString());
    for (EpochMetrics m : epochs) {
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
      lines.add(line.toString());
    }
    Files.write(file, lines);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.8g", value);
  }
}
