package dev.retrograd.demo.runfiles;

import dev.retrograd.demo.plot.YScale;
import dev.retrograd.train.Scores;
import java.io.IOException;
import java.nio.file.Path;

/** {@code loss.png}: the training and validation loss per epoch, on a logarithmic axis. */
final class LossCurves implements RunFile {

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    Curves.writeTrainAndValidation(run, file, "Loss", "loss", YScale.LOG, Scores::loss);
  }
}
