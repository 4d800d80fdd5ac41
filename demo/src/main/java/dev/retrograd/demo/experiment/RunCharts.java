package dev.retrograd.demo.experiment;

import dev.retrograd.demo.plot.LayerChart;
import dev.retrograd.demo.plot.LineChart;
import dev.retrograd.demo.plot.Series;
import dev.retrograd.demo.plot.YScale;
import java.util.ArrayList;
import java.util.List;

/** The charts experiments draw from their runs' figures, every one on a log axis. */
final class RunCharts {

  private RunCharts() {}

  /**
   * Returns the training loss per epoch of each run; a run that diverged ends at its last complete
   * epoch and says where it diverged in the legend.
   */
  static LineChart lossPerEpoch(String title, List<RunFigures> runs) {
    List<Series> series = new ArrayList<>();
    for (RunFigures run : runs) {
      series.add(Series.of(legend(run, ""), run.losses()));
    }
    return new LineChart(title, "epoch", "training loss", series, YScale.LOG);
  }

  /**
   * Returns the loss of every step of each run. A diverging loss climbs through hundreds of decades
   * in a few steps (1e5, 1e10, 1e53, 1e263, then NaN), which would flatten every other line on a
   * log axis; so each run is drawn up to its first step loss above {@code ceiling} and the legend
   * says so.
   */
  static LineChart lossPerStep(String title, List<RunFigures> runs, double ceiling) {
    List<Series> series = new ArrayList<>();
    for (RunFigures run : runs) {
      List<Double> drawn = new ArrayList<>();
      for (double loss : run.stepLosses()) {
        if (!(loss <= ceiling)) {
          break;
        }
        drawn.add(loss);
      }
      String cut = drawn.size() < run.stepLosses().size() ? "drawn up to loss " + Table.number(ceiling) : "";
      series.add(Series.of(legend(run, cut), drawn));
    }
    return new LineChart(title, "step", "training loss", series, YScale.LOG);
  }

  /**
   * Returns each run's mean |gradient| per layer in the first epoch, as grouped bars labelled by the
   * layer's number (layer1 → 1), input side first.
   */
  static LayerChart firstEpochGradients(String title, List<RunFigures> runs) {
    List<String> layers = new ArrayList<>();
    runs.get(0).firstEpochGradients().keySet().forEach(layer -> layers.add(layer.replaceFirst("^layer", "")));
    List<Series> series = new ArrayList<>();
    for (RunFigures run : runs) {
      series.add(Series.of(legend(run, ""), run.layerGradients()));
    }
    return new LayerChart(title, "mean |gradient|", layers, series, YScale.LOG);
  }

  private static String legend(RunFigures run, String note) {
    List<String> notes = new ArrayList<>();
    run.divergence().ifPresent(d -> notes.add("diverged at " + d.where()));
    if (!note.isEmpty()) {
      notes.add(note);
    }
    return notes.isEmpty() ? run.label() : run.label() + " (" + String.join("; ", notes) + ")";
  }
}
