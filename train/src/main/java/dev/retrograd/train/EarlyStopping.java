package dev.retrograd.train;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Watches the validation loss epoch after epoch, as Keras' {@code EarlyStopping(monitor='val_loss',
 * min_delta=0, restore_best_weights=True)}: an epoch improves when its validation loss is below the
 * best so far (NaN never does); after {@code patience} epochs in a row that do not, the run stops.
 * The best epoch's weights are kept, and its whole state when this run saw it, so that the run ends
 * with them; a checkpoint carries them ({@link BestEpoch}), so a resumed run remembers them too.
 */
final class EarlyStopping {

  private final int patience;
  private int bestEpoch;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private Map<String, Double> bestParameters;
  private Map<String, double[]> bestBuffers;
  private Checkpoint bestState;
  private int withoutImprovement;

  /** Creates the watcher; patience 0 watches nothing. */
  EarlyStopping(int patience) {
    this.patience = patience;
  }

  /** Returns whether early stopping is on. */
  boolean active() {
    return patience > 0;
  }

  /**
   * Records epoch {@code epoch}'s validation loss. On improvement it keeps {@code parameters} and
   * {@code buffers}, then asks {@code state} for the run's whole state (which sees this epoch as the
   * best).
   */
  void observe(int epoch, double validationLoss, Map<String, Double> parameters, Map<String, double[]> buffers,
      Supplier<Checkpoint> state) {
    if (!active()) {
      return;
    }
    if (validationLoss < bestLoss) {
      bestLoss = validationLoss;
      bestEpoch = epoch;
      bestParameters = parameters;
      bestBuffers = buffers;
      withoutImprovement = 0;
      bestState = state.get();
    } else {
      withoutImprovement++;
    }
  }

  /** Takes up what a checkpoint of epoch {@code epoch} remembers of the best epoch. */
  void resume(Checkpoint checkpoint) {
    BestEpoch best = checkpoint.best();
    if (!active() || best == null) {
      return;
    }
    bestEpoch = best.epoch();
    bestLoss = best.validationLoss();
    bestParameters = checkpoint.bestParameters();
    bestBuffers = checkpoint.bestBuffers();
    withoutImprovement = checkpoint.epoch() - best.epoch();
    bestState = best.epoch() == checkpoint.epoch() ? checkpoint.withBest(best) : null;
  }

  /**
   * Returns what a checkpoint of epoch {@code epoch} keeps of the best epoch: the epoch and its
   * loss, with its weights when they are not that epoch's; null when there is none.
   */
  BestEpoch bestFor(int epoch) {
    if (!active() || bestEpoch == 0) {
      return null;
    }
    return epoch == bestEpoch ? new BestEpoch(bestEpoch, bestLoss, Map.of(), Map.of())
        : new BestEpoch(bestEpoch, bestLoss, bestParameters, bestBuffers);
  }

  /** Returns whether {@code patience} epochs in a row went without improvement. */
  boolean exhausted() {
    return active() && withoutImprovement >= patience;
  }

  /** Returns the epoch of the lowest validation loss, 0 before any. */
  int bestEpoch() {
    return bestEpoch;
  }

  /** Returns the lowest validation loss. */
  double bestLoss() {
    return bestLoss;
  }

  /** Returns the best epoch's parameters by name, or null before any. */
  Map<String, Double> bestParameters() {
    return bestParameters;
  }

  /** Returns the best epoch's buffers by name, or null before any. */
  Map<String, double[]> bestBuffers() {
    return bestBuffers;
  }

  /** Returns the run's whole state after the best epoch, or null when this run did not see it (a resume after it). */
  Checkpoint bestState() {
    return bestState;
  }
}
