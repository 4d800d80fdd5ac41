package dev.retrograd.demo.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Plain lines for logs: one each time another tenth of the planned steps is done, and one more on
 * close if the run stopped between two tenths, for example
 * {@code "train  40% (400/1000 steps), epoch 4, loss 0.1234, 0:00:03 elapsed"}.
 */
final class LinesDisplay implements Display {

  static final int LINES_PER_RUN = 10;

  private final PrintStream out;
  private long total;
  private long startNanos;
  private int tenthsShown;
  private long done;
  private long doneShown;
  private int epoch;
  private double loss;

  LinesDisplay(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(long totalSteps) {
    total = totalSteps;
    startNanos = System.nanoTime();
  }

  @Override
  public void update(long done, int epoch, double loss) {
    this.done = done;
    this.epoch = epoch;
    this.loss = loss;
    int tenths = (int) Math.min(LINES_PER_RUN, done * LINES_PER_RUN / total);
    if (tenths > tenthsShown) {
      tenthsShown = tenths;
      print("train " + String.format(Locale.ROOT, "%3d%%", done * 100 / total));
    }
  }

  @Override
  public void close() {
    if (done > doneShown && done < total) {
      print("train stopped at " + done * 100 / total + "%");
    }
  }

  private void print(String head) {
    doneShown = done;
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    out.println(head + " (" + done + "/" + total + " steps), epoch " + epoch + ", loss " + Numbers.loss(loss)
        + ", " + Numbers.duration(elapsed) + " elapsed");
    out.flush();
  }
}
