package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;

/**
 * scale·x for x &gt; 0, else scale·alpha·(e^x − 1) (computed with expm1), with derivative scale for
 * x &gt; 0, else scale·alpha·e^x; as torch's elu kernels, so at 0 the derivative is scale·alpha and a
 * NaN input has derivative scale. Shared by elu (scale 1) and selu.
 *
 * @param name the plugin's name, for messages
 * @param alpha the negative-side coefficient
 * @param scale the overall scale
 */
record ExponentialLinear(String name, double alpha, double scale) implements Activation {

  @Override
  public double apply(double x) {
    return x <= 0 ? Math.expm1(x) * (alpha * scale) : x * scale;
  }

  @Override
  public double derivative(double x, double y) {
    return x <= 0 ? (alpha * scale) * Math.exp(x) : scale;
  }

  @Override
  public String toString() {
    return name + "(alpha=" + alpha + ", scale=" + scale + ")";
  }
}
