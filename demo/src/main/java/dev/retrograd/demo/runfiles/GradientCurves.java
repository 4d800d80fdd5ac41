package dev.retrograd.demo.runfiles;

import dev.retrograd.demo.plot.LineChart;
import dev.retrograd.demo.plot.Series;
import dev.retrograd.demo.plot.YScale;
import dev.retrograd.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code gradients.png}: the global gradient norm and each layer's mean |gradient| per epoch, on a logarithmic axis. */
final class GradientCurves implements RunFile {

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    List<Series> lines = new ArrayList<>();
    lines.add(Curves.series("global norm", run, EpochMetrics::gradientNorm));
    if (!run.epochs().isEmpty()) {
      for (String layer : run.epochs().get(0).meanAbsGradientByLayer().keySet()) {
        lines.add(Curves.series(layer + " mean |g|", run,
            m -> m.meanAbsGradientByLayer().getOrDefault(layer, Double.NaN)));
      }
    }
    new LineChart("Gradients per layer", "epoch", "gradient", lines, YScale.LOG).writePng(file);
  }
}
