package dev.retrograd.api;

/**
 * A loss for one example, as pure math over doubles: its value and its gradient with respect to
 * the prediction.
 *
 * <p>Element-wise losses reduce like PyTorch's functional form with {@code reduction='mean'} over
 * the example's elements. Class targets are one-hot (or probability) vectors. The engine makes a
 * loss one fused n-ary graph node.
 *
 * <p><b>Implementations are stateless and thread-safe</b>, and never modify their arguments.
 */
public interface Loss {

  /** Returns the loss of {@code prediction} against {@code target}, arrays of the same length. */
  double value(double[] prediction, double[] target);

  /** Writes ∂loss/∂prediction<sub>i</sub> into {@code out[i]}, an array of the same length. */
  void gradient(double[] prediction, double[] target, double[] out);
}
