package dev.retrograd.train;

import java.util.function.Supplier;

/**
 * Watches the validation loss epoch after epoch, as Keras' {@code EarlyStopping(monitor='val_loss',
 * min_delta=0, restore_best_weights=True)}: an epoch improves when its validation loss is below the
 * best so far (NaN never does); after {@code patience} epochs in a row that do not, the run stops.
 * The best epoch's state is kept, so that the run can end with its weights.
 */
final class EarlyStopping {

  private final int patience;
  private int bestEpoch;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private Checkpoint best;
  private int withoutImprovement;

  /** Creates the watcher; patience 0 watches nothing. */
  EarlyStopping(int patience) {
    this.patience = patience;
  }

  /** Returns whether early stopping is on. */
  boolean active() {
    return patience > 0;
  }

  /** Records epoch {@code epoch}'s validation loss; {@code state} is asked for the run's state only on improvement. */
  void observe(int epoch, double validationLoss, Supplier<Checkpoint> state) {
    if (!active()) {
      return;
    }
    if (validationLoss < bestLoss) {
      bestLoss = validationLoss;
      bestEpoch = epoch;
      best = state.get();
      withoutImprovement = 0;
    } else {
      withoutImprovement++;
    }
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

  /** Returns the run's state after the best epoch, or null before any. */
  Checkpoint best() {
    return best;
  }
}
