package dev.retrograd.demo.plot;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named sequence of numbers: a loss per epoch, a gradient norm per epoch, a value per layer.
 *
 * <p>Value {@code i} sits at x = {@code position(i)} in a {@link LineChart}: {@code i + 1} (epochs
 * count from 1) unless the series was made {@linkplain #at at other positions}, such as the epochs
 * of a resumed run's history (1 to 20, or 4 to 20 after a gap). In a {@link LayerChart} value
 * {@code i} belongs to layer {@code i}. Values may be NaN or infinite (a run that diverged): charts
 * leave such values out and say so in the legend.
 *
 * @param name the legend label, not blank
 * @param values the numbers, copied on the way in and out
 * @param positions where each value sits on a line chart's x axis, as many as values and
 *     increasing; null for 1, 2, …, n
 */
public record Series(String name, double[] values, double[] positions) {

  /** Checks the name and the positions, and copies the arrays. */
  public Series {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a series needs a name for the legend, got a blank one");
    }
    values = values.clone();
    if (positions == null) {
      positions = new double[values.length];
      Arrays.setAll(positions, i -> i + 1);
    } else if (positions.length != values.length) {
      throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values but "
          + positions.length + " positions");
    } else {
      positions = positions.clone();
      for (int i = 1; i < positions.length; i++) {
        if (!(positions[i] > positions[i - 1])) {
          throw new IllegalArgumentException("series '" + name + "' needs increasing positions, but position " + i
              + " is " + positions[i] + " after " + positions[i - 1]);
        }
      }
    }
  }

  /** Returns a series of {@code values} at positions 1, 2, …, n. */
  public Series(String name, double[] values) {
    this(name, values, null);
  }

  /** Returns a series of {@code values}. */
  public static Series of(String name, double... values) {
    return new Series(name, values);
  }

  /** Returns a series of {@code values}; a {@code null} element counts as NaN (not drawn). */
  public static Series of(String name, List<? extends Number> values) {
    return new Series(name, values.stream().mapToDouble(v -> v == null ? Double.NaN : v.doubleValue()).toArray());
  }

  /**
   * Returns a series of {@code values} at {@code positions}, such as the epochs they belong to.
   *
   * @throws IllegalArgumentException if the counts differ or the positions do not increase
   */
  public static Series at(String name, double[] positions, double[] values) {
    return new Series(name, values, Objects.requireNonNull(positions, "positions"));
  }

  /** Returns a copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** Returns a copy of the positions. */
  @Override
  public double[] positions() {
    return positions.clone();
  }

  /** Returns the number of values. */
  public int size() {
    return values.length;
  }

  /** Returns value {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** Returns where value {@code i} sits on a line chart's x axis. */
  public double position(int i) {
    return positions[i];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Series that && name.equals(that.name) && Arrays.equals(values, that.values)
        && Arrays.equals(positions, that.positions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(values)) + Arrays.hashCode(positions);
  }

  @Override
  public String toString() {
    return "Series[" + name + ", " + values.length + " values]";
  }
}
