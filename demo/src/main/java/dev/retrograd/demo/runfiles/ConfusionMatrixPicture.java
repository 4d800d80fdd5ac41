package dev.retrograd.demo.runfiles;

import dev.retrograd.data.Task;
import dev.retrograd.demo.plot.ConfusionMatrixChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** {@code confusion_matrix.png}: the test examples of a classification by true and predicted class. */
final class ConfusionMatrixPicture implements RunFile {

  @Override
  public boolean appliesTo(FinishedRun run) {
    return run.task() == Task.CLASSIFICATION && run.test().isPresent();
  }

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    FinishedRun.TestPredictions test = run.test().orElseThrow();
    int[][] counts = test.confusion();
    new ConfusionMatrixChart(title(counts), test.points().classNames(), counts).writePng(file);
  }

  /** Returns {@code Confusion matrix: 10000 test examples, 87.1% correct}. */
  static String title(int[][] counts) {
    long all = 0;
    long correct = 0;
    for (int t = 0; t < counts.length; t++) {
      for (int p = 0; p < counts.length; p++) {
        all += counts[t][p];
        correct += t == p ? counts[t][p] : 0;
      }
    }
    return String.format(Locale.ROOT, "Confusion matrix: %d test examples, %.1f%% correct", all,
        all == 0 ? 0 : 100.0 * correct / all);
  }
}
