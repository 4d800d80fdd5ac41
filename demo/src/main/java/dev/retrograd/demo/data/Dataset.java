package dev.retrograd.demo.data;

/**
 * Labelled examples: row i of {@code features} has class {@code labels[i]}.
 *
 * @param features one row of numbers per example
 * @param labels one class index (0, 1, …) per example
 */
public record Dataset(double[][] features, int[] labels) {

  /** Checks that there is one label per row. */
  public Dataset {
    if (features.length != labels.length) {
      throw new IllegalArgumentException(
          "a data set needs one label per row, got " + labels.length + " labels for " + features.length + " rows");
    }
  }

  /** Returns the number of examples. */
  public int size() {
    return labels.length;
  }
}
