package dev.retrograd.demo.experiment;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A claim of the textbook, reproduced by real training runs from fixed seeds.
 *
 * <pre>{@code
 * Experiment experiment = Experiments.named("vanishing");
 * ExperimentResult result = experiment.run(Path.of("out"), System.out);  // writes out/vanishing.png
 * result.claimHeld();   // true
 * result.verdict();     // "Claim held: ..."
 * }</pre>
 *
 * <p><b>Same experiment, same budget: the same figures, number for number</b>, whatever the
 * machine's number of cores.
 */
public interface Experiment {

  /** Returns the name the command line knows it by, such as {@code vanishing}. */
  String name();

  /** Returns one line saying what it compares. */
  String description();

  /**
   * Trains the runs, prints a table of the figures behind the claim and the verdict to {@code out},
   * writes one PNG, {@code <name>.png}, into {@code outputFolder} (created if missing) and returns
   * the figures.
   *
   * @throws java.io.UncheckedIOException if the PNG cannot be written
   */
  ExperimentResult run(Path outputFolder, PrintStream out);
}
