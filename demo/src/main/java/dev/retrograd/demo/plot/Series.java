package dev.retrograd.demo.plot;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named sequence of numbers: a loss per epoch, a gradient norm per epoch, a value per layer.
 *
 * <p>Value {@code i} belongs to epoch {@code i + 1} in a {@link LineChart} and to layer {@code i}
 * in a {@link LayerChart}. Values may be NaN or infinite (a run that diverged): charts leave such
 * values out and say so in the legend.
 *
 * @param name the legend label, not blank
 * @param values the numbers, copied on the way in and out
 */
public record Series(String name, double[] values) {

  /** Checks the name and copies the values. */
  public Series {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a series needs a name for the legend, got a blank one");
    }
    values = values.clone();
  }

  /** Returns a series of {@code values}. */
  public static Series of(String name, double... values) {
    return new Series(name, values);
  }

  /** Returns a series of {@code values}; a {@code null} element counts as NaN (not drawn). */
  public static Series of(String name, List<? extends Number> values) {
    return new Series(name, values.stream().mapToDouble(v -> v == null ? Double.NaN : v.doubleValue()).toArray());
  }

  /** Returns a copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** Returns the number of values. */
  public int size() {
    return values.length;
  }

  /** Returns value {@code i}. */
  public double value(int i) {
    return values[i];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Series that && name.equals(that.name) && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Series[" + name + ", " + values.length + " values]";
  }
}
