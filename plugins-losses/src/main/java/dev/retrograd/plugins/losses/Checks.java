package dev.retrograd.plugins.losses;

/** The argument checks every loss makes before it computes anything. */
final class Checks {

  private Checks() {}

  /**
   * Returns the number of elements, after checking that {@code prediction} and {@code target} have
   * the same, non-zero length.
   *
   * @throws IllegalArgumentException naming {@code loss} and both lengths
   */
  static int size(String loss, double[] prediction, double[] target) {
    if (prediction.length != target.length) {
      throw new IllegalArgumentException(loss + ": prediction has " + prediction.length
          + " elements but target has " + target.length + "; give one target per prediction.");
    }
    if (prediction.length == 0) {
      throw new IllegalArgumentException(loss + ": prediction and target are empty; a loss needs at"
          + " least one element.");
    }
    return prediction.length;
  }

  /**
   * Returns the number of elements, after checking {@code prediction} and {@code target} as
   * {@link #size(String, double[], double[])} does and that {@code out} has the same length.
   *
   * @throws IllegalArgumentException naming {@code loss} and the lengths that differ
   */
  static int size(String loss, double[] prediction, double[] target, double[] out) {
    int n = size(loss, prediction, target);
    if (out.length != n) {
      throw new IllegalArgumentException(loss + ": gradient output has " + out.length
          + " elements but prediction has " + n + "; give an array of the prediction's length.");
    }
    return n;
  }

  /**
   * Checks that every element of {@code values} lies in [0, 1].
   *
   * @throws IllegalArgumentException naming {@code loss}, the array, the index and the value
   */
  static void probabilities(String loss, String array, double[] values, String advice) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] <= 1)) {
        throw new IllegalArgumentException(loss + ": " + array + "[" + i + "] is " + values[i]
            + " but must lie in [0, 1]" + advice);
      }
    }
  }
}
