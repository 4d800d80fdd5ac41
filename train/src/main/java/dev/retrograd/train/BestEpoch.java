package dev.retrograd.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What early stopping remembers of the best epoch so far, as a checkpoint keeps it: the epoch, its
 * validation loss, and its parameters and buffers when they are not the checkpoint's own (a
 * checkpoint written after epochs that did not improve), so that a resumed run still ends with them.
 *
 * @param epoch the epoch of the lowest validation loss, ≥ 1
 * @param validationLoss that loss
 * @param parameters that epoch's parameters by name; empty when the checkpoint is of that epoch
 * @param buffers that epoch's buffers by name; empty when the checkpoint is of that epoch
 */
record BestEpoch(int epoch, double validationLoss, Map<String, Double> parameters, Map<String, double[]> buffers) {

  /** Checks the epoch and freezes the maps. */
  BestEpoch {
    if (epoch < 1) {
      throw new IllegalArgumentException("the best epoch must be >= 1, was " + epoch);
    }
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Map<String, double[]> copied = new LinkedHashMap<>();
    buffers.forEach((name, values) -> copied.put(name, values.clone()));
    buffers = Collections.unmodifiableMap(copied);
  }
}
