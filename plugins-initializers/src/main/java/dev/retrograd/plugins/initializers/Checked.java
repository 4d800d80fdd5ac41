package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Wraps a fill rule so that it runs only on a well-formed matrix: every initializer here is one.
 *
 * <p><b>fanIn and fanOut must be at least 1 and {@code weights.length} must be fanOut·fanIn</b>,
 * else an {@link IllegalArgumentException} names the plugin and the numbers.
 */
final class Checked implements Initializer {

  private final String plugin;
  private final Hyperparameters settings;
  private final Initializer fill;

  private Checked(String plugin, Hyperparameters settings, Initializer fill) {
    this.plugin = plugin;
    this.settings = settings;
    this.fill = fill;
  }

  /** Returns an initializer that checks its arguments, then runs {@code fill}. */
  static Initializer of(String plugin, Hyperparameters settings, Initializer fill) {
    return new Checked(plugin, settings, fill);
  }

  @Override
  public void initialize(double[] weights, int fanIn, int fanOut, RandomGenerator random) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(random, "random");
    if (fanIn < 1 || fanOut < 1) {
      throw new IllegalArgumentException(plugin + ": needs fanIn >= 1 and fanOut >= 1, got fanIn="
          + fanIn + ", fanOut=" + fanOut);
    }
    long size = (long) fanOut * fanIn;
    if (weights.length != size) {
      throw new IllegalArgumentException(plugin + ": needs " + size + " weights (fanOut " + fanOut
          + " x fanIn " + fanIn + "), got " + weights.length);
    }
    fill.initialize(weights, fanIn, fanOut, random);
  }

  /** Returns e.g. {@code xavier_uniform(gain=1.0)}. */
  @Override
  public String toString() {
    return plugin + "(" + settings + ")";
  }
}
