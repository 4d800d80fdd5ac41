package dev.retrograd.demo.progress;

import java.io.Console;
import java.util.Map;

/** How {@link TrainingProgress} shows itself. */
public enum ProgressMode {
  /** {@link #BAR} on an interactive terminal, {@link #LINES} otherwise (pipes, files, CI). */
  AUTO,
  /**
   * A progress bar redrawn in place with a carriage return (me.tongfei:progressbar): percentage,
   * steps, elapsed time and ETA, then "epoch 3, loss 0.1234". Only sensible on a terminal: in a
   * file every redraw stays as text.
   */
  BAR,
  /**
   * One plain line at every tenth of the steps (at most ten lines a run), plus one if the run stops
   * early; suits logs that keep every character.
   */
  LINES,
  /** Nothing at all. */
  QUIET;

  /** Returns this mode with {@link #AUTO} decided by whether the output is an interactive terminal. */
  ProgressMode resolve(boolean interactive) {
    if (this != AUTO) {
      return this;
    }
    return interactive ? BAR : LINES;
  }

  /** Returns whether standard error most likely shows on an interactive terminal. */
  static boolean interactiveTerminal() {
    return interactiveTerminal(System.console(), System.getenv());
  }

  /**
   * Returns whether the program runs on a terminal that redraws lines: Java 17 gives a {@code
   * Console} only when standard input and output are a terminal (standard error cannot be asked
   * directly), {@code TERM=dumb} cannot move the cursor, and a {@code CI} variable means a build log.
   */
  static boolean interactiveTerminal(Console console, Map<String, String> environment) {
    return console != null
        && !"dumb".equals(environment.get("TERM"))
        && environment.get("CI") == null;
  }
}
