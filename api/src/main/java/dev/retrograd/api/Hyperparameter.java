package dev.retrograd.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One hyperparameter a plugin accepts: its name, type, default, allowed range and meaning.
 *
 * <pre>{@code
 * Hyperparameter.real("lr", 0.001, "learning rate").atLeast(0)
 * Hyperparameter.real("beta1", 0.9, "decay of the first moment").atLeast(0).below(1)
 * Hyperparameter.flag("nesterov", false, "use Nesterov momentum")
 * Hyperparameter.required("step_size", Type.INTEGER, "epochs between decays").atLeast(1)
 * }</pre>
 *
 * <p><b>A default has its type's Java class</b>: a {@code Double} for {@link Type#REAL}, an
 * {@code Integer} for {@link Type#INTEGER}, a {@code Boolean} for {@link Type#FLAG}; anything else
 * fails at construction. A hyperparameter without a default is required: resolving values without
 * it fails, naming it.
 *
 * @param name the lower_snake_case name, such as {@code weight_decay}
 * @param type the kind of value
 * @param defaultValue the value used when none is given: a {@code Double}, {@code Integer} or
 *     {@code Boolean} matching {@code type}; {@code null} for a required hyperparameter
 * @param meaning a one-line explanation
 * @param min the smallest allowed number (−∞ for none); ignored for flags
 * @param minInclusive whether {@code min} itself is allowed
 * @param max the largest allowed number (+∞ for none); ignored for flags
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Hyperparameter(
    String name,
    Type type,
    Object defaultValue,
    String meaning,
    double min,
    boolean minInclusive,
    double max,
    boolean maxInclusive) {

  /** The kinds of value a hyperparameter takes. */
  public enum Type {
    /** A finite double. */
    REAL,
    /** An int. */
    INTEGER,
    /** {@code true} or {@code false}. */
    FLAG
  }

  /**
   * Checks that the fields are present and that the default, if any, has the type's Java class.
   *
   * @throws IllegalArgumentException for a default of another class, such as the {@code Integer} 1
   *     for a real hyperparameter
   */
  public Hyperparameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(meaning, "meaning");
    Class<?> expected = javaClass(type);
    if (defaultValue != null && !expected.isInstance(defaultValue)) {
      String word = type.name().toLowerCase(Locale.ROOT);
      throw new IllegalArgumentException("Hyperparameter '" + name + "' has type " + word + ", but its default "
          + (defaultValue instanceof String ? "'" + defaultValue + "'" : defaultValue) + " is of type "
          + defaultValue.getClass().getSimpleName() + ", not " + expected.getSimpleName()
          + "; declare it with Hyperparameter." + word + "(name, default, meaning).");
    }
  }

  private static Class<?> javaClass(Type type) {
    return switch (type) {
      case REAL -> Double.class;
      case INTEGER -> Integer.class;
      case FLAG -> Boolean.class;
    };
  }

  /** Returns a real-valued hyperparameter, any finite value allowed until narrowed. */
  public static Hyperparameter real(String name, double defaultValue, String meaning) {
    return new Hyperparameter(name, Type.REAL, defaultValue, meaning,
        Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  /** Returns an integer hyperparameter, any int allowed until narrowed. */
  public static Hyperparameter integer(String name, int defaultValue, String meaning) {
    return new Hyperparameter(name, Type.INTEGER, defaultValue, meaning,
        Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  /** Returns a true/false hyperparameter. */
  public static Hyperparameter flag(String name, boolean defaultValue, String meaning) {
    return new Hyperparameter(name, Type.FLAG, defaultValue, meaning,
        Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  /**
   * Returns a hyperparameter of {@code type} without a default, which must be given; any value
   * allowed until narrowed.
   */
  public static Hyperparameter required(String name, Type type, String meaning) {
    return new Hyperparameter(name, type, null, meaning,
        Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  /** Returns whether a value must be given, there being no default. */
  public boolean isRequired() {
    return defaultValue == null;
  }

  /** Returns this hyperparameter allowing only values ≥ {@code bound}. */
  public Hyperparameter atLeast(double bound) {
    return new Hyperparameter(name, type, defaultValue, meaning, bound, true, max, maxInclusive);
  }

  /** Returns this hyperparameter allowing only values &gt; {@code bound}. */
  public Hyperparameter greaterThan(double bound) {
    return new Hyperparameter(name, type, defaultValue, meaning, bound, false, max, maxInclusive);
  }

  /** Returns this hyperparameter allowing only values ≤ {@code bound}. */
  public Hyperparameter atMost(double bound) {
    return new Hyperparameter(name, type, defaultValue, meaning, min, minInclusive, bound, true);
  }

  /** Returns this hyperparameter allowing only values &lt; {@code bound}. */
  public Hyperparameter below(double bound) {
    return new Hyperparameter(name, type, defaultValue, meaning, min, minInclusive, bound, false);
  }

  /** Returns whether {@code value} lies in the allowed range. */
  public boolean allows(double value) {
    boolean aboveMin = minInclusive ? value >= min : value > min;
    boolean belowMax = maxInclusive ? value <= max : value < max;
    return aboveMin && belowMax;
  }

  /** Returns the allowed range in words, such as {@code "in [0, 1)"} or {@code ">= 0"}; "" if any. */
  public String range() {
    boolean hasMin = min != Double.NEGATIVE_INFINITY;
    boolean hasMax = max != Double.POSITIVE_INFINITY;
    if (hasMin && hasMax) {
      return "in " + (minInclusive ? "[" : "(") + number(min) + ", " + number(max) + (maxInclusive ? "]" : ")");
    }
    if (hasMin) {
      return (minInclusive ? ">= " : "> ") + number(min);
    }
    if (hasMax) {
      return (maxInclusive ? "<= " : "< ") + number(max);
    }
    return "";
  }

  /**
   * Returns e.g. {@code lr=0.001 (real, >= 0): learning rate}, or for a required one
   * {@code step_size (integer, >= 1, required): epochs between decays}.
   */
  public String describe() {
    String range = range();
    return (isRequired() ? name : name + "=" + defaultValue) + " (" + type.name().toLowerCase(Locale.ROOT)
        + (range.isEmpty() ? "" : ", " + range) + (isRequired() ? ", required" : "") + "): " + meaning;
  }

  /**
   * Returns what a message lists of it: {@code lr=0.001 (>= 0)}, or for a required one
   * {@code step_size (required, >= 1)}.
   */
  public String summary() {
    String range = range();
    String notes = isRequired() ? (range.isEmpty() ? "required" : "required, " + range) : range;
    return (isRequired() ? name : name + "=" + defaultValue) + (notes.isEmpty() ? "" : " (" + notes + ")");
  }

  private static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
