package dev.retrograd.demo.plot;

/**
 * Which values a chart can draw, and the legend note for those it leaves out.
 *
 * <p>NaN and ±infinity (a diverged run) are never drawn; on a {@link YScale#LOG} axis neither are
 * zeros and negatives, which have no logarithm. A line breaks where a value is left out.
 */
final class Drawable {

  private Drawable() {}

  /** Returns whether {@code value} can be placed on an axis of {@code scale}. */
  static boolean isDrawable(double value, YScale scale) {
    return Double.isFinite(value) && (scale == YScale.LINEAR || value > 0);
  }

  /**
   * Returns the series name, followed by how many of its values are left out, if any: for example
   * {@code "lion (12 non-finite values not drawn)"} or {@code "loss (1 non-positive value not drawn)"}.
   */
  static String legendLabel(Series series, YScale scale) {
    int nonFinite = 0;
    int nonPositive = 0;
    for (double v : series.values()) {
      if (!Double.isFinite(v)) {
        nonFinite++;
      } else if (scale == YScale.LOG && v <= 0) {
        nonPositive++;
      }
    }
    if (nonFinite == 0 && nonPositive == 0) {
      return series.name();
    }
    StringBuilder note = new StringBuilder(series.name()).append(" (");
    if (nonFinite > 0) {
      note.append(nonFinite).append(" non-finite");
    }
    if (nonPositive > 0) {
      note.append(nonFinite > 0 ? ", " : "").append(nonPositive).append(" non-positive");
    }
    return note.append(nonFinite + nonPositive == 1 ? " value" : " values").append(" not drawn)").toString();
  }
}
