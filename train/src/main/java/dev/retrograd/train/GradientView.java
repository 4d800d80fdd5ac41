package dev.retrograd.train;

import dev.retrograd.api.Parameters;
import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.ValueParameters;
import java.util.List;

/**
 * The {@link Parameters} the optimizer steps on: values read from and written to the model's
 * leaves, gradients read from a buffer the trainer fills from the leaves and then clips, as torch
 * clips {@code .grad} in place before {@code optimizer.step()}. Built once per run.
 */
final class GradientView implements Parameters {

  private final Value[] leaves;
  private final ValueParameters values;
  private final double[] gradients;
  /** The leaves' numbers, as {@link #set} wrote them or {@link #readValues()} read them. */
  private final double[] numbers;

  GradientView(List<Value> leaves) {
    this.values = ValueParameters.of(leaves);
    this.leaves = leaves.toArray(new Value[0]);
    this.gradients = new double[this.leaves.length];
    this.numbers = new double[this.leaves.length];
    readValues();
  }

  /** Reads every leaf's number into {@link #numbers()}: after anything but {@link #set} changed a leaf. */
  void readValues() {
    for (int i = 0; i < leaves.length; i++) {
      numbers[i] = leaves[i].data();
    }
  }

  /**
   * Returns the leaves' numbers in one array, in the model's order, kept equal to the leaves by
   * {@link #set} (and {@link #readValues()}): a compiled step reads them there rather than from each
   * leaf, which on several threads saves moving every leaf's memory from core to core.
   */
  double[] numbers() {
    return numbers;
  }

  /** Copies every leaf's gradient into the buffer and returns the buffer, to be clipped in place. */
  double[] collectGradients() {
    for (int i = 0; i < leaves.length; i++) {
      gradients[i] = leaves[i].grad();
    }
    return gradients;
  }

  /** Returns the buffer the optimizer reads, for steps that compute the gradients elsewhere than in the leaves. */
  double[] gradientBuffer() {
    return gradients;
  }

  /** Resets every leaf's gradient to 0. */
  void zeroGrad() {
    for (Value leaf : leaves) {
      leaf.zeroGrad();
    }
  }

  /** Returns the leaves, in the model's order. */
  Value[] leaves() {
    return leaves;
  }

  @Override
  public int size() {
    return leaves.length;
  }

  @Override
  public double value(int i) {
    return values.value(i);
  }

  @Override
  public double gradient(int i) {
    return gradients[i];
  }

  @Override
  public void set(int i, double value) {
    values.set(i, value);
    numbers[i] = value;
  }
}
