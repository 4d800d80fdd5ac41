package dev.retrograd.demo.runfiles;

import dev.retrograd.autograd.NoGrad;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.demo.plot.DecisionBoundaryChart;
import java.io.IOException;
import java.nio.file.Path;

/** {@code decision_boundary.png}: the model's classes over the plane of a two-feature classification, with the training points. */
final class DecisionBoundaryPicture implements RunFile {

  @Override
  public boolean appliesTo(FinishedRun run) {
    return run.task() == Task.CLASSIFICATION && run.points().featureCount() == 2;
  }

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    Dataset points = run.points();
    try (NoGrad scope = Value.noGrad()) {   // a forward pass per cell: no graph to keep
      new DecisionBoundaryChart("Decision boundary", run.classifier(), points.features(), points.labels(),
          points.classNames(), DecisionBoundaryChart.DEFAULT_GRID_CELLS).writePng(file);
    }
  }
}
