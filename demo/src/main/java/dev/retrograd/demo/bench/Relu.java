package dev.retrograd.demo.bench;

import dev.retrograd.api.Activation;

/**
 * max(x, 0), with derivative 1 above 0 and 0 at or below 0: the same numbers as {@code Value.relu()},
 * kept local so that the benchmark does not depend on the plugin registry.
 */
final class Relu implements Activation {

  @Override
  public double apply(double x) {
    return Math.max(x, 0.0);
  }

  @Override
  public double derivative(double x, double y) {
    return x > 0 ? 1 : 0;
  }
}
