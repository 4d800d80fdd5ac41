package dev.retrograd.plugins.activations;

/** The logistic sigmoid and softplus, computed without overflow; shared by several activations. */
final class Logistic {

  private Logistic() {}

  /**
   * Returns σ(x) = 1/(1 + e^−x), as e^x/(1 + e^x) for x &lt; 0 so that neither form overflows and
   * the tail keeps its relative accuracy: σ(−1000) = 0, σ(1000) = 1.
   */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /**
   * Returns torch's softplus: x where βx &gt; threshold, else log1p(exp(βx))/β. Where exp(βx)
   * overflows (only with a threshold above 709) it returns βx/β, to which the formula rounds.
   */
  static double softplus(double x, double beta, double threshold) {
    double z = x * beta;
    if (z > threshold) {
      return x;
    }
    double e = Math.exp(z);
    return (e == Double.POSITIVE_INFINITY ? z : Math.log1p(e)) / beta;
  }

  /**
   * Returns the derivative of {@link #softplus}: 1 where βx &gt; threshold, else σ(βx) computed as
   * torch's softplus_backward does, e/(e + 1) with e = exp(βx) (and 1 where e overflows).
   */
  static double softplusDerivative(double x, double beta, double threshold) {
    double z = x * beta;
    if (z > threshold) {
      return 1;
    }
    double e = Math.exp(z);
    return e == Double.POSITIVE_INFINITY ? 1 : e / (e + 1);
  }
}
