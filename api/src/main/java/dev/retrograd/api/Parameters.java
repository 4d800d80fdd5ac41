package dev.retrograd.api;

/**
 * The trainable numbers an optimizer updates, seen as an indexed view.
 *
 * <p><b>The same view, with the same size and order, is passed to every step</b>, so an optimizer
 * may keep per-element state by index.
 */
public interface Parameters {

  /** Returns the number of parameters. */
  int size();

  /** Returns the value of parameter {@code i}. */
  double value(int i);

  /** Returns the gradient of the loss with respect to parameter {@code i}. */
  double gradient(int i);

  /** Sets the value of parameter {@code i}. */
  void set(int i, double value);

  /** Returns a view of plain arrays, handy for tests and for optimizers outside a graph. */
  static Parameters of(double[] values, double[] gradients) {
    if (values.length != gradients.length) {
      throw new IllegalArgumentException(
          "needs one gradient per value, got " + gradients.length + " for " + values.length);
    }
    return new Parameters() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public double value(int i) {
        return values[i];
      }

      @Override
      public double gradient(int i) {
        return gradients[i];
      }

      @Override
      public void set(int i, double value) {
        values[i] = value;
      }
    };
  }
}
