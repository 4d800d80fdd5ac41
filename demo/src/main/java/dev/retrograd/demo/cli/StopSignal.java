package dev.retrograd.demo.cli;

/**
 * A signal that asked a run to stop.
 *
 * @param name the signal's name, such as {@code SIGINT}
 * @param number its number, such as 2
 */
public record StopSignal(String name, int number) {

  /** SIGINT, what Ctrl-C sends. */
  public static final StopSignal INTERRUPT = new StopSignal("SIGINT", 2);

  /** SIGTERM, what {@code kill} sends by default. */
  public static final StopSignal TERMINATE = new StopSignal("SIGTERM", 15);

  /** Returns the exit code of a program stopped by this signal, as a shell reports it: 128 + its number. */
  public int exitCode() {
    return 128 + number;
  }
}
