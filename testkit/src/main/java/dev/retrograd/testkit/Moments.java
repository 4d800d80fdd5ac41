package dev.retrograd.testkit;

/**
 * What an initializer's formula says about the weights it draws: their mean, their variance and
 * the interval they must lie in.
 *
 * @param mean the expected mean
 * @param variance the expected variance
 * @param low the smallest value allowed (−∞ for none)
 * @param high the largest value allowed (+∞ for none)
 */
public record Moments(double mean, double variance, double low, double high) {

  /** An initializer's formula: the moments of the weights of a {@code fanOut × fanIn} layer. */
  @FunctionalInterface
  public interface Formula {

    /** Returns the moments the formula gives for a layer with these fans. */
    Moments at(int fanIn, int fanOut);
  }

  /** Returns the moments of U(low, high): mean (low+high)/2, variance (high−low)²/12. */
  public static Moments uniform(double low, double high) {
    return new Moments((low + high) / 2, (high - low) * (high - low) / 12, low, high);
  }

  /** Returns the moments of N(mean, std²), unbounded. */
  public static Moments normal(double mean, double std) {
    return new Moments(mean, std * std, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** Returns the moments of the constant {@code value}. */
  public static Moments constant(double value) {
    return new Moments(value, 0, value, value);
  }
}
