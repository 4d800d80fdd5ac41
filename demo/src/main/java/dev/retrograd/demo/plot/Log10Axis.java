package dev.retrograd.demo.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 logarithmic axis labelled with round numbers, whatever its span.
 *
 * <p>JFreeChart's {@code LogAxis} labels fractional powers ("10^-0.3") when the data spans less
 * than a few decades, as losses often do. This axis picks the first of these tick sets that puts
 * at least {@value #MIN_LABELS} labels in view: powers of ten (every k-th decade so at most
 * {@value #MAX_LABELS} labels, with unlabelled marks at 2–9 between them), then 1, 2, 5 × 10ⁿ, then
 * 1…9 × 10ⁿ, and for a span of less than a factor of about two, evenly spaced round numbers.
 * Labels read "0.05", "20", "1e-6", "2.5e-7".
 */
final class Log10Axis extends LogAxis {

  static final int MIN_LABELS = 3;
  static final int MAX_LABELS = 10;

  Log10Axis(String label) {
    super(label);
    setBase(10);
    setSmallestValue(1e-300);
    setMinorTickMarksVisible(true);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    boolean vertical = RectangleEdge.isLeftOrRight(edge);
    TextAnchor anchor = vertical
        ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
        : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    List<NumberTick> ticks = new ArrayList<>();
    for (Tick t : ticks(getLowerBound(), getUpperBound())) {
      ticks.add(new NumberTick(t.major ? TickType.MAJOR : TickType.MINOR, t.value,
          t.major ? label(t.value) : "", anchor, anchor, 0.0));
    }
    return ticks;
  }

  /** A tick position; only major ticks are labelled. */
  record Tick(double value, boolean major) {}

  /** Returns the ticks for the range {@code lo..hi} ({@code 0 < lo < hi}). */
  static List<Tick> ticks(double lo, double hi) {
    if (!(lo > 0) || !(hi > lo) || Double.isInfinite(hi)) {
      return List.of();
    }
    int kLo = (int) Math.floor(Math.log10(lo));
    int kHi = (int) Math.ceil(Math.log10(hi));
    int step = Math.max(1, (int) Math.ceil((kHi - kLo) / (double) MAX_LABELS));
    List<Tick> powers = new ArrayList<>();
    int labels = 0;
    for (int k = kLo; k <= kHi; k++) {
      double decade = scaled(1, k);
      boolean major = Math.floorMod(k - kLo, step) == 0;
      if (inRange(decade, lo, hi)) {
        powers.add(new Tick(decade, major));
        labels += major ? 1 : 0;
      }
      for (int m = 2; step == 1 && m <= 9; m++) {
        if (inRange(scaled(m, k), lo, hi)) {
          powers.add(new Tick(scaled(m, k), false));
        }
      }
    }
    if (labels >= MIN_LABELS) {
      return powers;
    }
    for (int[] mantissas : new int[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
      List<Tick> ticks = new ArrayList<>();
      for (int k = kLo; k <= kHi; k++) {
        for (int m : mantissas) {
          double v = scaled(m, k);
          if (inRange(v, lo, hi)) {
            ticks.add(new Tick(v, true));
          }
        }
      }
      if (ticks.size() >= MIN_LABELS) {
        return ticks;
      }
    }
    return linearTicks(lo, hi);
  }

  /** Evenly spaced round numbers (step 1, 2 or 5 × 10ⁿ) giving about five labels. */
  private static List<Tick> linearTicks(double lo, double hi) {
    double rough = (hi - lo) / 5;
    int k = (int) Math.floor(Math.log10(rough));
    double ratio = rough / scaled(1, k);
    int m = ratio < 1.5 ? 1 : ratio < 3.5 ? 2 : ratio < 7.5 ? 5 : 10;
    double step = scaled(m, k);
    List<Tick> ticks = new ArrayList<>();
    for (long i = (long) Math.ceil(lo / step * (1 - 1e-12)); scaled(i * m, k) <= hi * (1 + 1e-12); i++) {
      ticks.add(new Tick(scaled(i * m, k), true));
    }
    return ticks;
  }

  /** Returns m·10^k as the double nearest to that decimal (dividing by 10^-k keeps 0.03 exact). */
  private static double scaled(long m, int k) {
    return k >= 0 ? m * Math.pow(10, k) : m / Math.pow(10, -k);
  }

  private static boolean inRange(double v, double lo, double hi) {
    return v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12);
  }

  /** Returns a short label: plain from 0.001 to 100000, otherwise "2.5e-7"; up to four significant digits. */
  static String label(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    double magnitude = Math.abs(v);
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    if (magnitude >= 1e-3 && magnitude < 1e5) {
      return rounded.toPlainString();
    }
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString() + "e" + exponent;
  }
}
