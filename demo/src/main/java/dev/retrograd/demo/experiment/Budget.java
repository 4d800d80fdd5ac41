package dev.retrograd.demo.experiment;

/**
 * How much of an experiment's full size to run: a fraction of its epochs and of its examples.
 * Tests run a small budget; the command line runs {@link #FULL}.
 *
 * <pre>{@code
 * Experiments.named("optimizers", Budget.of(0.5));   // half the epochs, half the examples
 * }</pre>
 *
 * @param scale the fraction, in (0, 1]
 */
public record Budget(double scale) {

  /** The experiments as designed. */
  public static final Budget FULL = new Budget(1.0);

  /** The fewest examples a budget leaves. */
  static final int MIN_EXAMPLES = 60;

  /** Example counts are multiples of this. */
  static final int EXAMPLE_STEP = 30;

  /** Checks the range. */
  public Budget {
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException("budget scale must be in (0, 1], was " + scale);
    }
  }

  /** Returns the budget {@code scale}. */
  public static Budget of(double scale) {
    return new Budget(scale);
  }

  /** Returns {@code scale · full} epochs, rounded, at least 1. */
  public int epochs(int full) {
    return Math.max(1, (int) Math.round(full * scale));
  }

  /**
   * Returns {@code scale · full} examples rounded to a multiple of {@value #EXAMPLE_STEP}, at least
   * {@value #MIN_EXAMPLES}: three spiral arms then get equal shares, and an even batch size never
   * leaves a last batch of one row, which batch normalization cannot normalize.
   */
  public int examples(int full) {
    long rounded = Math.round(full * scale / EXAMPLE_STEP) * EXAMPLE_STEP;
    return (int) Math.max(MIN_EXAMPLES, rounded);
  }
}
