package dev.retrograd.data;

import java.util.List;

/**
 * The data sets generated from a seed, by name.
 *
 * <pre>
 * Dataset spiral = Datasets.generate("spiral", 300, 0.2, 7, 4);   // 4 arms
 * Dataset moons = Datasets.generate("moons", 200, 0.1, 7);
 * </pre>
 *
 * <p><b>The same name, size, noise, seed (and classes) give the same points, number for number.</b>
 * The digits are loaded, not generated: see {@link Digits#load()}; a user's file: see
 * {@link CsvDataset}.
 */
public final class Datasets {

  private static final List<String> NAMES =
      List.of(Circles.NAME, Moons.NAME, Sine.NAME, Spiral.NAME, Xor.NAME);

  private Datasets() {}

  /** Returns the names of the generated data sets, sorted: circles, moons, sine, spiral, xor. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Returns {@code n} points of the data set {@code name} with the given noise, from the seed;
   * spiral gets {@value Spiral#DEFAULT_CLASSES} classes.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the names), a bad
   *     size or a bad noise level
   */
  public static Dataset generate(String name, int n, double noise, long seed) {
    return switch (checkedName(name)) {
      case Circles.NAME -> Circles.generate(n, noise, seed);
      case Moons.NAME -> Moons.generate(n, noise, seed);
      case Sine.NAME -> Sine.generate(n, noise, seed);
      case Spiral.NAME -> Spiral.generate(n, noise, seed, Spiral.DEFAULT_CLASSES);
      case Xor.NAME -> Xor.generate(n, noise, seed);
      default -> throw new AssertionError(name);
    };
  }

  /**
   * Returns the data set as {@link #generate(String, int, double, long)} does, with {@code classes}
   * classes: any number ≥ 2 for spiral; the others have a fixed count (2, none for the sine
   * regression), and another count is an error rather than silently ignored.
   */
  public static Dataset generate(String name, int n, double noise, long seed, int classes) {
    if (checkedName(name).equals(Spiral.NAME)) {
      return Spiral.generate(n, noise, seed, classes);
    }
    if (name.equals(Sine.NAME)) {
      throw new IllegalArgumentException("sine is a regression data set and has no classes, was asked for "
          + classes + "; only spiral takes a number of classes");
    }
    if (classes != 2) {
      throw new IllegalArgumentException(name + " has 2 classes, was asked for " + classes
          + "; only spiral takes a number of classes");
    }
    return generate(name, n, noise, seed);
  }

  private static String checkedName(String name) {
    if (NAMES.contains(name)) {
      return name;
    }
    if (Digits.NAME.equals(name)) {
      throw new IllegalArgumentException(
          "Data set 'digits' is loaded from a file, not generated; use Digits.load().");
    }
    throw new IllegalArgumentException("Unknown data set '" + name + "'; available: " + NAMES + ".");
  }
}
