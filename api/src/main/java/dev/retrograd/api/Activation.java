package dev.retrograd.api;

/**
 * An element-wise activation function and its derivative, as pure math over doubles.
 *
 * <p>The engine turns an activation into one fused graph node: the forward pass calls
 * {@link #apply(double)}, the backward pass multiplies the incoming gradient by
 * {@link #derivative(double, double)}. For example, tanh:
 *
 * <pre>{@code
 * Activation tanh = new Activation() {
 *   public double apply(double x) { return Math.tanh(x); }
 *   public double derivative(double x, double y) { return 1 - y * y; }
 * };
 * }</pre>
 *
 * <p><b>Implementations are stateless and thread-safe.</b>
 */
public interface Activation {

  /** Returns f(x). */
  double apply(double x);

  /**
   * Returns f'(x).
   *
   * @param x the input
   * @param y {@code apply(x)}, passed so that functions such as tanh and sigmoid can reuse it
   */
  double derivative(double x, double y);
}
