package dev.retrograd.autograd;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;

/** An activation and a loss written here, so that the engine's tests need no plugin module. */
final class TestFunctions {

  /** softplus(x) = log(1 + eˣ), whose derivative is the sigmoid 1 / (1 + e⁻ˣ). */
  static final Activation SOFTPLUS = new Activation() {
    @Override
    public double apply(double x) {
      return Math.log1p(Math.exp(x));
    }

    @Override
    public double derivative(double x, double y) {
      return 1 / (1 + Math.exp(-x));
    }
  };

  /** (1/n)·Σ (prediction − target)², as torch's mse_loss; allocates nothing. */
  static final Loss SQUARED_ERROR = new Loss() {
    @Override
    public double value(double[] prediction, double[] target) {
      double sum = 0;
      for (int i = 0; i < prediction.length; i++) {
        sum += (prediction[i] - target[i]) * (prediction[i] - target[i]);
      }
      return sum / prediction.length;
    }

    @Override
    public void gradient(double[] prediction, double[] target, double[] out) {
      for (int i = 0; i < prediction.length; i++) {
        out[i] = 2 * (prediction[i] - target[i]) / prediction.length;
      }
    }
  };

  private TestFunctions() {}
}
