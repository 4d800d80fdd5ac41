package dev.retrograd.train;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.Split;
import dev.retrograd.data.TargetEncoding;

/**
 * A data set split once, at the start of a run, into training and validation rows by the data
 * module's one splitter, {@link Split#stratified}: classes keep their shares in both parts. The
 * rows are drawn from the run's generator, so a checkpoint's random state covers them.
 *
 * @param training the training rows
 * @param validation the validation rows, empty for fraction 0
 */
record ValidationSplit(Rows training, Rows validation) {

  /**
   * Splits {@code data}, drawing from {@code random} only when {@code fraction > 0}.
   *
   * @throws IllegalArgumentException if the split would leave no training example
   */
  static ValidationSplit draw(Dataset data, TargetEncoding encoding, double fraction, SplitMix64 random) {
    Rows all = Rows.of(data, encoding);
    if (fraction == 0) {
      return new ValidationSplit(all, all.slice(0, 0));
    }
    int held = (int) Math.ceil(fraction * data.size());
    if (held >= data.size()) {
      throw new IllegalArgumentException("A validation fraction of " + fraction + " holds out " + held + " of "
          + data.size() + " examples, leaving none to train on; lower the fraction or add examples.");
    }
    Split split = Split.stratified(data, fraction, random);
    return new ValidationSplit(Rows.of(split.train(), encoding), Rows.of(split.test(), encoding));
  }
}
