package dev.retrograd.demo.cli;

import java.util.Optional;

/**
 * Turns the signals that ask a program to stop, SIGINT and SIGTERM, into a stop request that a
 * training run asks before every step; bound in {@link CommandLineModule}, so a test swaps it.
 */
public interface StopSignals {

  /** Starts watching for the signals; the watch ends, and the signals' usual handling returns, at close. */
  Watch watch();

  /** What a run asks: whether a signal came, and which. */
  interface Watch extends AutoCloseable {

    /** Returns the first signal that came since the watch started, if any. */
    Optional<StopSignal> received();

    /** Ends the watch. */
    @Override
    void close();
  }
}
