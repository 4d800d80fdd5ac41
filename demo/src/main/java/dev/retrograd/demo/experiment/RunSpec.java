package dev.retrograd.demo.experiment;

import dev.retrograd.nn.MlpSpec;
import dev.retrograd.train.TrainingConfig;
import java.util.Objects;

/**
 * One configured training run of an experiment: the network, how it is trained, and the seed of
 * its initial weights. Runs with the same architecture and init seed start from the same weights.
 *
 * @param label the run's name in tables, legends and {@link ExperimentResult#run(String)}, not blank
 * @param architecture the network
 * @param config the optimizer, loss, epochs, batch size, clipping and shuffling seed
 * @param initSeed the seed of the generator the initializers draw the weights from
 */
public record RunSpec(String label, MlpSpec architecture, TrainingConfig config, long initSeed) {

  /** Checks that every part is present. */
  public RunSpec {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(config, "config");
    if (label.isBlank()) {
      throw new IllegalArgumentException("a run needs a label for tables and legends, got a blank one");
    }
  }
}
