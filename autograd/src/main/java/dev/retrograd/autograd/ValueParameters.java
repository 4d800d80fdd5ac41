package dev.retrograd.autograd;

import dev.retrograd.api.Parameters;
import java.util.List;

/**
 * Leaves of a graph seen as the {@link Parameters} an optimizer updates: {@code value(i)} is
 * {@code data()}, {@code gradient(i)} is {@code grad()}, and {@code set(i, x)} is
 * {@code setData(x)}.
 *
 * <p>Build it once per model and pass the same view to every step, as optimizers expect.
 */
public final class ValueParameters implements Parameters {

  private final Value[] values;

  private ValueParameters(Value[] values) {
    this.values = values;
  }

  /**
   * Returns a view of {@code leaves}, in their order.
   *
   * @throws IllegalArgumentException if one of them is not a leaf
   */
  public static ValueParameters of(List<Value> leaves) {
    Value[] values = leaves.toArray(new Value[0]);
    for (int i = 0; i < values.length; i++) {
      if (!values[i].isLeaf()) {
        throw new IllegalArgumentException("parameter " + i + " is the output of '" + values[i].op()
            + "', not a leaf; an optimizer can only update leaves made by Value.of");
      }
    }
    return new ValueParameters(values);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public double value(int i) {
    return values[i].data();
  }

  @Override
  public double gradient(int i) {
    return values[i].grad();
  }

  @Override
  public void set(int i, double value) {
    values[i].setData(value);
  }
}
