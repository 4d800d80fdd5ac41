package dev.retrograd.train;

import java.util.Arrays;

/**
 * Examples split once, at the start of a run, into training and validation rows, as
 * {@code sklearn.model_selection.ShuffleSplit}: a seeded permutation, the first
 * {@code ceil(fraction·n)} rows of it for validation and the rest for training (each kept in the
 * data's order).
 *
 * @param training the training examples
 * @param validation the validation examples, empty for fraction 0
 */
record ValidationSplit(Examples training, Examples validation) {

  /**
   * Splits {@code data}, drawing the permutation from {@code random} only when {@code fraction > 0}.
   *
   * @throws IllegalArgumentException if the split would leave no training example
   */
  static ValidationSplit draw(Examples data, double fraction, SplitMix64 random) {
    int n = data.size();
    if (fraction == 0) {
      return new ValidationSplit(data, data.slice(0, 0));
    }
    int held = (int) Math.ceil(fraction * n);
    if (held >= n) {
      throw new IllegalArgumentException("A validation fraction of " + fraction + " holds out " + held + " of "
          + n + " examples, leaving none to train on; lower the fraction or add examples.");
    }
    int[] permutation = new int[n];
    Arrays.setAll(permutation, i -> i);
    random.shuffle(permutation);
    int[] validation = Arrays.copyOfRange(permutation, 0, held);
    int[] training = Arrays.copyOfRange(permutation, held, n);
    Arrays.sort(validation);
    Arrays.sort(training);
    return new ValidationSplit(data.select(training), data.select(validation));
  }
}
