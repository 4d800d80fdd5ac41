package dev.retrograd.plugins.initializers;

/** The gains of {@code torch.nn.init.calculate_gain} that the He initializers use. */
final class Gain {

  private Gain() {}

  /**
   * Returns √(2/(1 + negative_slope²)), {@code calculate_gain('leaky_relu', negative_slope)};
   * √2 for ReLU (slope 0), {@code calculate_gain('relu')}.
   */
  static double leakyRelu(double negativeSlope) {
    return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
  }
}
