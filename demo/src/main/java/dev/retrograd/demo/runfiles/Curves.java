package dev.retrograd.demo.runfiles;

import dev.retrograd.demo.plot.LineChart;
import dev.retrograd.demo.plot.Series;
import dev.retrograd.demo.plot.YScale;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.Scores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Line charts over a run's epochs, shared by the writers of its curves. */
final class Curves {

  private Curves() {}

  /** Returns the series of one value per epoch, each at its epoch's number. */
  static Series series(String name, FinishedRun run, ToDoubleFunction<EpochMetrics> value) {
    return Series.at(name, run.epochs().stream().mapToDouble(EpochMetrics::epoch).toArray(),
        run.epochs().stream().mapToDouble(value).toArray());
  }

  /**
   * Writes a chart of {@code score} on the training and the validation examples per epoch; a series
   * with no value at all (no validation split) is left out.
   */
  static void writeTrainAndValidation(FinishedRun run, Path file, String title, String yLabel, YScale scale,
      ToDoubleFunction<Scores> score) throws IOException {
    List<Series> drawn = new ArrayList<>();
    for (Series s : List.of(series("train", run, m -> score.applyAsDouble(m.train())),
        series("validation", run, m -> score.applyAsDouble(m.validation())))) {
      if (hasValues(s)) {
        drawn.add(s);
      }
    }
    new LineChart(title, "epoch", yLabel, drawn, scale).writePng(file);
  }

  private static boolean hasValues(Series series) {
    for (int i = 0; i < series.size(); i++) {
      if (!Double.isNaN(series.value(i))) {
        return true;
      }
    }
    return false;
  }
}
