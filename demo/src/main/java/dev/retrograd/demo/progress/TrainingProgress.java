package dev.retrograd.demo.progress;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Shows how far a training run is, on standard error so that standard output stays the program's
 * report.
 *
 * <p>The total is epochs × steps per epoch; after each optimizer step the trainer reports the
 * epoch and the step's loss, shown as {@code "epoch 3, loss 0.1234"}. {@link ProgressMode#AUTO}
 * draws a live bar on an interactive terminal and a line per tenth of the run elsewhere, so a CI
 * log or a redirected file gets at most eleven lines, not one redraw per refresh.
 *
 * <pre>{@code
 * try (TrainingProgress progress = TrainingProgress.create(ProgressMode.AUTO)) {
 *   progress.start((long) epochs * stepsPerEpoch);
 *   for (int epoch = 1; epoch <= epochs; epoch++) {
 *     for (int step = 0; step < stepsPerEpoch; step++) {
 *       progress.step(epoch, trainOneBatch());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p><b>Calls go in order:</b> {@code start} once, then {@code step} any number of times (more
 * than planned is allowed; the bar grows), then {@code close}. {@code close} may come at any time,
 * also before {@code start} or twice. Safe to call from any one thread at a time.
 */
public final class TrainingProgress implements AutoCloseable {

  private final ProgressMode mode;
  private final Display display;
  private long total;
  private long done;
  private boolean closed;

  private TrainingProgress(ProgressMode mode, Display display) {
    this.mode = mode;
    this.display = display;
  }

  /** Returns progress on standard error; {@link ProgressMode#AUTO} looks at the terminal. */
  public static TrainingProgress create(ProgressMode mode) {
    return create(mode, System.err, ProgressMode.interactiveTerminal());
  }

  /**
   * Returns progress on {@code out}; {@link ProgressMode#AUTO} means {@link ProgressMode#LINES}
   * here, since whether an arbitrary stream is a terminal cannot be known.
   */
  public static TrainingProgress create(ProgressMode mode, PrintStream out) {
    return create(mode, out, false);
  }

  /** Returns progress that shows nothing (quiet mode). */
  public static TrainingProgress quiet() {
    return new TrainingProgress(ProgressMode.QUIET, Display.NONE);
  }

  static TrainingProgress create(ProgressMode mode, PrintStream out, boolean interactive) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(out, "out");
    ProgressMode resolved = mode.resolve(interactive);
    Display display = switch (resolved) {
      case BAR -> new BarDisplay(out);
      case LINES -> new LinesDisplay(out);
      case QUIET -> Display.NONE;
      case AUTO -> throw new AssertionError("AUTO was resolved");
    };
    return new TrainingProgress(resolved, display);
  }

  /** Returns how this progress shows itself: {@code BAR}, {@code LINES} or {@code QUIET}, never {@code AUTO}. */
  public ProgressMode mode() {
    return mode;
  }

  /**
   * Starts showing progress toward {@code totalSteps} steps.
   *
   * @throws IllegalArgumentException if {@code totalSteps <= 0}
   * @throws IllegalStateException if already started or closed
   */
  public synchronized void start(long totalSteps) {
    if (totalSteps <= 0) {
      throw new IllegalArgumentException("totalSteps must be > 0, was " + totalSteps);
    }
    if (closed) {
      throw new IllegalStateException("start() after close(); create a new TrainingProgress for another run");
    }
    if (total > 0) {
      throw new IllegalStateException(
          "start() was already called with " + total + " steps; create a new TrainingProgress for another run");
    }
    total = totalSteps;
    display.start(totalSteps);
  }

  /**
   * Records one finished step of {@code epoch} (counted from 1) whose loss was {@code loss} (any
   * double, NaN included).
   *
   * @throws IllegalStateException before {@link #start} or after {@link #close}
   */
  public synchronized void step(int epoch, double loss) {
    if (closed) {
      throw new IllegalStateException("step() after close()");
    }
    if (total == 0) {
      throw new IllegalStateException("step() before start(totalSteps); call start with epochs × steps per epoch first");
    }
    done++;
    display.update(done, epoch, loss);
  }

  /**
   * Blanks the bar's line, before the program prints a line of its report on a terminal shared with
   * the bar; the bar is drawn again at the next refresh. Does nothing in the other modes.
   */
  public synchronized void clearLine() {
    if (total > 0 && !closed) {
      display.clearLine();
    }
  }

  /** Returns the number of steps recorded so far. */
  public synchronized long stepsDone() {
    return done;
  }

  /** Finishes the display (the bar's final state and a line break, or the last line); later calls do nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (total > 0) {
      display.close();
    }
  }
}
