package dev.retrograd.demo.bench;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ReluRule;

/**
 * ReLU by {@link ReluRule}, the rule {@code Value.relu()} and the relu plugin share, kept local so
 * that the benchmark does not depend on the plugin registry.
 */
final class Relu implements Activation {

  @Override
  public double apply(double x) {
    return ReluRule.apply(x);
  }

  @Override
  public double derivative(double x, double y) {
    return ReluRule.derivative(x);
  }
}
