package dev.retrograd.train;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.TargetEncoding;
import java.util.Arrays;

/**
 * A data set as the loop consumes it: row i of {@code inputs} should produce row i of
 * {@code targets} ({@link Dataset#targetRows}).
 *
 * @param inputs one row of numbers per example, all of the same width
 * @param targets one target row per example, all of the same width
 */
record Rows(double[][] inputs, double[][] targets) {

  /** Checks one target row per input row and consistent widths. */
  Rows {
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException(
          "examples need one target row per input row, got " + targets.length + " for " + inputs.length);
    }
    requireSameWidth("input", inputs);
    requireSameWidth("target", targets);
  }

  private static void requireSameWidth(String what, double[][] rows) {
    for (int i = 1; i < rows.length; i++) {
      if (rows[i].length != rows[0].length) {
        throw new IllegalArgumentException(what + " row " + i + " has " + rows[i].length
            + " values but row 0 has " + rows[0].length);
      }
    }
  }

  /** Returns the feature rows of {@code dataset} with its target rows in {@code encoding}. */
  static Rows of(Dataset dataset, TargetEncoding encoding) {
    return new Rows(dataset.features(), dataset.targetRows(encoding));
  }

  /** Returns the number of examples. */
  int size() {
    return inputs.length;
  }

  /** Returns the number of inputs per row, 0 when there are no rows. */
  int inputWidth() {
    return inputs.length == 0 ? 0 : inputs[0].length;
  }

  /** Returns the number of targets per row, 0 when there are no rows. */
  int targetWidth() {
    return targets.length == 0 ? 0 : targets[0].length;
  }

  /** Returns the examples at {@code rows}, in that order (rows are shared, not copied). */
  Rows select(int[] rows) {
    double[][] x = new double[rows.length][];
    double[][] y = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = inputs[rows[i]];
      y[i] = targets[rows[i]];
    }
    return new Rows(x, y);
  }

  /** Returns examples {@code from} (inclusive) to {@code to} (exclusive). */
  Rows slice(int from, int to) {
    return new Rows(Arrays.copyOfRange(inputs, from, to), Arrays.copyOfRange(targets, from, to));
  }
}
