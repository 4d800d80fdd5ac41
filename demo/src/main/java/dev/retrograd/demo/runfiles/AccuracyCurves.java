package dev.retrograd.demo.runfiles;

import dev.retrograd.data.Task;
import dev.retrograd.demo.plot.YScale;
import dev.retrograd.train.Scores;
import java.io.IOException;
import java.nio.file.Path;

/** {@code accuracy.png}: the training and validation accuracy per epoch, for classification. */
final class AccuracyCurves implements RunFile {

  @Override
  public boolean appliesTo(FinishedRun run) {
    return run.task() == Task.CLASSIFICATION;
  }

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    Curves.writeTrainAndValidation(run, file, "Accuracy", "accuracy", YScale.LINEAR, Scores::accuracy);
  }
}
