package dev.retrograd.demo.progress;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A me.tongfei:progressbar bar redrawn in place on {@code out}, by the library's own daemon thread
 * every {@value #REFRESH_MILLIS} ms, in ASCII so any terminal encoding shows it.
 *
 * <p>progressbar 0.10.1 ends the bar's line only if its thread had drawn once before {@code
 * close()}; a run shorter than that would leave the next message on the bar's line, so this class
 * ends the line itself when the library did not.
 */
final class BarDisplay implements Display {

  static final int REFRESH_MILLIS = 200;

  private final PrintStream out;
  private ProgressBar bar;
  private OnceClosing consumer;

  BarDisplay(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(long totalSteps) {
    consumer = new OnceClosing(new ConsoleProgressBarConsumer(out));
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
  }

  @Override
  public void clearLine() {
    out.print("\r" + " ".repeat(consumer.getMaxRenderedLength()) + "\r");
    out.flush();
  }

  @Override
  public void close() {
    bar.close();
    consumer.close();
  }

  /** A consumer whose {@code close()} (ending the bar's line) takes effect once, whoever calls it first. */
  private static final class OnceClosing implements ProgressBarConsumer {

    private final ProgressBarConsumer delegate;
    private final AtomicBoolean closed = new AtomicBoolean();

    OnceClosing(ProgressBarConsumer delegate) {
      this.delegate = delegate;
    }

    @Override
    public int getMaxRenderedLength() {
      return delegate.getMaxRenderedLength();
    }

    @Override
    public void accept(String rendered) {
      delegate.accept(rendered);
    }

    @Override
    public void clear() {
      delegate.clear();
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        delegate.close();
      }
    }
  }
}
