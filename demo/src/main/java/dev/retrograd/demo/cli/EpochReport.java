package dev.retrograd.demo.cli;

import dev.retrograd.data.Task;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.Scores;
import dev.retrograd.train.TrainingListener;
import dev.retrograd.train.TrainingPlan;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints one line per epoch. */
final class EpochReport implements TrainingListener {

  private final PrintWriter out;
  private final Task task;
  private int lastEpoch;

  EpochReport(PrintWriter out, Task task) {
    this.out = out;
    this.task = task;
  }

  @Override
  public void onStart(TrainingPlan plan) {
    lastEpoch = plan.lastEpoch();
  }

  @Override
  public void onEpochEnd(EpochMetrics metrics) {
    out.println(line(metrics));
    out.flush();
  }

  private String line(EpochMetrics m) {
    String width = Integer.toString(String.valueOf(lastEpoch).length());
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %" + width + "d/%d  lr %.4g  train %s",
        m.epoch(), lastEpoch, m.learningRate(), scores(m.train())));
    if (m.validation().isPresent()) {
      line.append("  validation ").append(scores(m.validation()));
    }
    line.append(String.format(Locale.ROOT, "  |grad| %.3g  %.2fs", m.gradientNorm(), m.elapsed().toNanos() / 1e9));
    return line.toString();
  }

  /**
   * Returns "loss 0.1234 accuracy 96.5%" or "loss 0.1234 mse 0.01 r2 0.98"; a loss of 10⁴ or more
   * (a regression in large units) is written as "2.137e+19".
   */
  String scores(Scores scores) {
    if (task == Task.CLASSIFICATION) {
      return String.format(Locale.ROOT, "loss %s accuracy %.1f%%", loss(scores.loss()), 100 * scores.accuracy());
    }
    return String.format(Locale.ROOT, "loss %s mse %.4g r2 %.4f", loss(scores.loss()), scores.mse(), scores.r2());
  }

  private static String loss(double loss) {
    return String.format(Locale.ROOT, Math.abs(loss) < 1e4 ? "%.4f" : "%.4g", loss);
  }
}
