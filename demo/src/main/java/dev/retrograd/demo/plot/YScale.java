package dev.retrograd.demo.plot;

/** How a chart's value axis maps numbers to heights. */
public enum YScale {
  /** Equal steps for equal differences; every finite value is drawn. */
  LINEAR,
  /**
   * Equal steps for equal ratios (base 10), for values spanning orders of magnitude such as gradient
   * norms or losses. Only values {@code > 0} can be drawn; zeros and negatives are left out and
   * counted in the legend.
   */
  LOG
}
