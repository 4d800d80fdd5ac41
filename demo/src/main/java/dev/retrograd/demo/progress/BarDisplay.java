package dev.retrograd.demo.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A me.tongfei:progressbar bar redrawn in place on {@code out}, by the library's own daemon thread
 * every {@value #REFRESH_MILLIS} ms, in ASCII so any terminal encoding shows it.
 *
 * <p>The library's thread draws whenever it likes, while the program prints its report lines from
 * the training thread; so every draw goes through one lock with {@link #clearLine()}, and after a
 * clear the bar stays hidden until the next step. Otherwise a redraw landing between the clear and
 * the report line would glue the line to the bar. Each draw is flushed at once (standard error
 * buffers a partial line), and nothing is drawn after the bar's line is ended.
 *
 * <p>progressbar 0.10.1 ends the bar's line only if its thread had drawn once before {@code
 * close()}; a run shorter than that would leave the next message on the bar's line, so this class
 * ends the line itself when the library did not.
 */
final class BarDisplay implements Display {

  static final int REFRESH_MILLIS = 200;

  private final PrintStream out;
  private ProgressBar bar;
  private GuardedConsumer consumer;

  BarDisplay(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(long totalSteps) {
    consumer = new GuardedConsumer(new ConsoleProgressBarConsumer(out), out);
    bar = new ProgressBarBuilder()
        .setTaskName("train")
        .setInitialMax(totalSteps)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(REFRESH_MILLIS)
        .setConsumer(consumer)
        .build();
  }

  @Override
  public void update(long done, int epoch, double loss) {
    if (done > bar.getMax()) {
      bar.maxHint(done);
    }
    bar.setExtraMessage("epoch " + epoch + ", loss " + Numbers.loss(loss));
    bar.stepTo(done);
    consumer.show();
  }

  @Override
  public void clearLine() {
    consumer.hide();
  }

  @Override
  public void close() {
    consumer.show();
    bar.close();
    consumer.close();
  }

  /**
   * The library's consumer behind one lock: a draw while hidden or after close is dropped, every draw
   * is flushed, {@link #hide()} blanks the line, and {@code close()} (ending the bar's line) takes
   * effect once, whoever calls it first.
   */
  static final class GuardedConsumer implements ProgressBarConsumer {

    private final ProgressBarConsumer delegate;
    private final PrintStream out;
    private boolean hidden;
    private boolean closed;

    GuardedConsumer(ProgressBarConsumer delegate, PrintStream out) {
      this.delegate = delegate;
      this.out = out;
    }

    @Override
    public int getMaxRenderedLength() {
      return delegate.getMaxRenderedLength();
    }

    @Override
    public synchronized void accept(String rendered) {
      if (!hidden && !closed) {
        delegate.accept(rendered);
        out.flush();
      }
    }

    /** Blanks the bar's line and draws nothing more until {@link #show()}. */
    synchronized void hide() {
      if (!closed) {
        hidden = true;
        out.print("\r" + " ".repeat(delegate.getMaxRenderedLength()) + "\r");
        out.flush();
      }
    }

    /** Lets the bar be drawn again. */
    synchronized void show() {
      hidden = false;
    }

    @Override
    public synchronized void clear() {
      delegate.clear();
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        delegate.close();
      }
    }
  }
}
