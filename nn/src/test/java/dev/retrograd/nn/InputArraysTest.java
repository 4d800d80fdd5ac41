package dev.retrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A neuron node keeps the input array it is built over, so nn hands it a copy: a caller may reuse
 * or change its input arrays after a forward pass without changing the graph.
 */
class InputArraysTest {

  private static final Activation TANH = new Activation() {
    @Override
    public double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
      return 1 - y * y;
    }
  };

  @Test
  void a_neuron_does_not_see_later_changes_to_its_input_array() {
    Neuron neuron = new Neuron(2, TANH, new SplittableRandom(3));
    Value a = Value.of(0.5);
    Value b = Value.of(-1.0);
    Value[] x = {a, b};
    Value out = neuron.call(x);

    x[0] = Value.of(100);
    out.backward();

    assertThat(out.inputs()).contains(a, b);
    double slope = 1 - out.data() * out.data();
    assertThat(a.grad()).isEqualTo(slope * neuron.weights().get(0).data());
  }

  @Test
  void a_layer_does_not_see_later_changes_to_its_input_rows() {
    Layer layer = new Layer(2, 3, TANH, new SplittableRandom(5));
    Value a = Value.of(0.5);
    Value[] row = {a, Value.of(-1.0)};
    Value[] out = layer.call(row);

    row[0] = Value.of(100);

    for (Value y : out) {
      assertThat(y.inputs()).contains(a);
    }
  }

  /** Returns d/dp of two examples' summed output, their rows in one reused array or in two arrays. */
  private static double[] gradients(boolean reuseOneArray) {
    Mlp model = new Mlp(2, new int[] {4, 1}, TANH, new SplittableRandom(11));
    Value[] first = {Value.of(0.3), Value.of(-0.8)};
    Value[] second = {Value.of(-1.2), Value.of(0.4)};
    Value[] row = reuseOneArray ? new Value[2] : first;
    System.arraycopy(first, 0, row, 0, 2);
    Value y1 = model.call(row)[0];
    row = reuseOneArray ? row : second;
    System.arraycopy(second, 0, row, 0, 2);
    Value y2 = model.call(row)[0];
    y1.add(y2).backward();
    return new double[] {first[0].grad(), first[1].grad(), second[0].grad(), second[1].grad()};
  }

  @Test
  void an_mlp_fed_two_examples_through_one_reused_array_gets_both_gradients_right() {
    double[] separate = gradients(false);

    assertThat(gradients(true)).containsExactly(separate);
    assertThat(separate).doesNotContain(0.0);
  }
}
