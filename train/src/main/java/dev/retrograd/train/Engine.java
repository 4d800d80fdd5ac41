package dev.retrograd.train;

import java.util.Locale;

/**
 * How the trainer runs the graph of each step: built and backpropagated op by op, or recorded once
 * per batch shape and replayed. Both give the same numbers, bit for bit, on one thread.
 */
public enum Engine {

  /** Builds the graph of every step afresh and calls {@code backward()} on it. */
  EAGER,

  /** Compiles one graph per batch shape with {@code Value.compile} and replays it every step. */
  COMPILED;

  /**
   * Returns the engine named {@code name}, {@code eager} or {@code compiled}, in any case.
   *
   * @throws IllegalArgumentException for any other name, listing the two
   */
  public static Engine parse(String name) {
    for (Engine engine : values()) {
      if (engine.name().equalsIgnoreCase(name)) {
        return engine;
      }
    }
    throw new IllegalArgumentException("Unknown engine '" + name + "'; available: [eager, compiled].");
  }

  /** Returns the lower-case name, as the command line spells it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
