package dev.retrograd.demo.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an experiment found: the figures of each run, the PNG that overlays them, and whether the
 * claim held.
 *
 * <pre>{@code
 * ExperimentResult result = Experiments.named("vanishing").run(folder, System.out);
 * result.run("sigmoid").gradientRatio();   // about 1e6
 * result.png();                            // folder/vanishing.png
 * }</pre>
 *
 * @param experiment the experiment's name
 * @param runs the figures of each run, in the order they are listed in the table
 * @param png the chart written
 * @param claimHeld whether the figures bear the claim out
 * @param verdict one line: "Claim held: …" or "Claim did not hold: …", with the deciding figures
 */
public record ExperimentResult(String experiment, List<RunFigures> runs, Path png, boolean claimHeld,
    String verdict) {

  /** Checks that every part is present and freezes the list. */
  public ExperimentResult {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(verdict, "verdict");
    runs = List.copyOf(runs);
  }

  /**
   * Returns the figures of the run labelled {@code label}.
   *
   * @throws IllegalArgumentException naming the labels there are
   */
  public RunFigures run(String label) {
    return runs.stream().filter(run -> run.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Experiment '" + experiment + "' has no run '" + label
            + "'; runs: " + runs.stream().map(RunFigures::label).toList() + "."));
  }
}
