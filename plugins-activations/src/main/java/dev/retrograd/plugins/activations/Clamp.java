package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;

/**
 * min(max(x, min), max) with torch's hardtanh_backward derivative: 1 strictly inside (min, max), 0
 * outside and at both edges. NaN stays NaN (its derivative is 1, as torch's comparisons give).
 * Shared by hardtanh and relu6.
 *
 * @param name the plugin's name, for messages
 * @param min the lower edge
 * @param max the upper edge, above {@code min}
 */
record Clamp(String name, double min, double max) implements Activation {

  @Override
  public double apply(double x) {
    return Math.min(Math.max(x, min), max);
  }

  @Override
  public double derivative(double x, double y) {
    return x <= min || x >= max ? 0 : 1;
  }

  @Override
  public String toString() {
    return name + "(min_val=" + min + ", max_val=" + max + ")";
  }
}
