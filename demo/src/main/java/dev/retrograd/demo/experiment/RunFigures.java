package dev.retrograd.demo.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one run of an experiment measured: the network at initialization, then every epoch it
 * completed.
 *
 * @param label the run's label
 * @param architecture the network's text form, such as {@code 2 -> 16 relu he_normal -> 3 identity he_normal}
 * @param initial the network at initialization
 * @param losses the training loss of each completed epoch (the mean of its step losses)
 * @param accuracies the training accuracy of each completed epoch
 * @param gradientNorms the global gradient norm before clipping of each completed epoch, averaged
 *     over its steps
 * @param stepLosses the loss of every completed step, in order
 * @param firstEpochGradients the mean |gradient| of each layer's parameters before clipping,
 *     averaged over the first epoch's steps, by layer name, input side first; empty if the run
 *     diverged in its first epoch
 * @param divergence where the loss became NaN or infinite, empty if the run completed
 * @param elapsed the wall-clock time of the training run
 */
public record RunFigures(
    String label,
    String architecture,
    InitialFigures initial,
    List<Double> losses,
    List<Double> accuracies,
    List<Double> gradientNorms,
    List<Double> stepLosses,
    Map<String, Double> firstEpochGradients,
    Optional<Divergence> divergence,
    Duration elapsed) {

  /** Freezes the collections. */
  public RunFigures {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(divergence, "divergence");
    Objects.requireNonNull(elapsed, "elapsed");
    losses = List.copyOf(losses);
    accuracies = List.copyOf(accuracies);
    gradientNorms = List.copyOf(gradientNorms);
    stepLosses = List.copyOf(stepLosses);
    firstEpochGradients = Collections.unmodifiableMap(new LinkedHashMap<>(firstEpochGradients));
  }

  /** Returns whether the loss became NaN or infinite before the last epoch ended. */
  public boolean diverged() {
    return divergence.isPresent();
  }

  /** Returns the number of epochs completed. */
  public int epochs() {
    return losses.size();
  }

  /** Returns the training loss of the first epoch, NaN if the run diverged in it. */
  public double firstEpochLoss() {
    return losses.isEmpty() ? Double.NaN : losses.get(0);
  }

  /** Returns the training loss of the last completed epoch, NaN if the run diverged in its first. */
  public double finalLoss() {
    return losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
  }

  /** Returns the training accuracy of the last completed epoch, NaN if none was completed. */
  public double finalAccuracy() {
    return accuracies.isEmpty() ? Double.NaN : accuracies.get(accuracies.size() - 1);
  }

  /**
   * Returns how the run ended, for tables and verdicts: {@code "final loss 0.0312, accuracy 98.7%"}
   * or {@code "diverged at epoch 1, step 13 (loss NaN after 1.08e+263)"}.
   */
  public String outcome() {
    return divergence
        .map(d -> "diverged at " + d.where() + " (loss " + d.loss() + " after "
            + Table.number(d.lastFiniteLoss()) + ")")
        .orElse("final loss " + Table.number(finalLoss()) + ", accuracy " + Table.percent(finalAccuracy()));
  }

  /** Returns the first epoch (counted from 1) whose training loss is at most {@code loss}, if any. */
  public OptionalInt epochsToReach(double loss) {
    for (int e = 0; e < losses.size(); e++) {
      if (losses.get(e) <= loss) {
        return OptionalInt.of(e + 1);
      }
    }
    return OptionalInt.empty();
  }

  /** Returns the mean |gradient| of the first (input-side) layer in the first epoch, NaN if unknown. */
  public double firstLayerGradient() {
    return layerGradients().isEmpty() ? Double.NaN : layerGradients().get(0);
  }

  /** Returns the mean |gradient| of the last (output) layer in the first epoch, NaN if unknown. */
  public double lastLayerGradient() {
    List<Double> values = layerGradients();
    return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
  }

  /**
   * Returns {@link #lastLayerGradient()} / {@link #firstLayerGradient()}: how many times smaller the
   * gradients are at the input side than at the output side in the first epoch.
   */
  public double gradientRatio() {
    return lastLayerGradient() / firstLayerGradient();
  }

  /** Returns the first epoch's mean |gradient| of each layer, input side first. */
  public List<Double> layerGradients() {
    return new ArrayList<>(firstEpochGradients.values());
  }
}
