package dev.retrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTest {

  private static final Activation RELU = new Activation() {
    @Override
    public double apply(double x) {
      return Math.max(x, 0);
    }

    @Override
    public double derivative(double x, double y) {
      return x > 0 ? 1 : 0;
    }
  };

  @Test
  void micrograd_demo_model_has_337_parameters() {
    Mlp model = new Mlp(2, new int[] {16, 16, 1}, RELU, new SplittableRandom(1));
    assertThat(model.parameters()).hasSize(337);
    assertThat(model.layers()).hasSize(3);
  }

  @Test
  void weights_start_uniform_in_minus_one_to_one_and_biases_at_zero() {
    Neuron neuron = new Neuron(1000, RELU, new SplittableRandom(7));
    var parameters = neuron.parameters();
    assertThat(parameters.subList(0, 1000)).allSatisfy(w -> assertThat(w.data()).isBetween(-1.0, 1.0));
    double mean = parameters.subList(0, 1000).stream().mapToDouble(Value::data).average().orElseThrow();
    assertThat(mean).isCloseTo(0.0, within(0.1));
    assertThat(parameters.get(1000).data()).isZero();
  }

  @Test
  void the_same_seed_gives_the_same_weights() {
    var first = new Mlp(3, new int[] {4, 2}, RELU, new SplittableRandom(42)).parameters();
    var second = new Mlp(3, new int[] {4, 2}, RELU, new SplittableRandom(42)).parameters();
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i).data()).isEqualTo(second.get(i).data());
    }
  }

  @Test
  void a_neuron_is_one_node_over_weights_inputs_and_bias() {
    Neuron neuron = new Neuron(2, RELU, new SplittableRandom(3));
    Value[] x = {Value.of(0.5), Value.of(-1.0)};
    Value out = neuron.call(x);
    var p = neuron.parameters();
    double expected = Math.max(0, p.get(0).data() * 0.5 - p.get(1).data() + p.get(2).data());

    assertThat(out.data()).isEqualTo(expected);
    assertThat(out.op()).isEqualTo("neuron");
    assertThat(out.inputs()).containsExactly(p.get(0), p.get(1), x[0], x[1], p.get(2));
  }

  @Test
  void output_layer_is_linear_and_gradients_reach_every_parameter() {
    Mlp model = new Mlp(2, new int[] {3, 1}, RELU, new SplittableRandom(5));
    Value out = model.call(Value.of(0.3), Value.of(-0.8))[0];
    assertThat(out.op()).isEqualTo("dot");

    out.backward();
    Value outputBias = model.parameters().get(model.parameters().size() - 1);
    assertThat(outputBias.grad()).isEqualTo(1.0);
    model.zeroGrad();
    assertThat(model.parameters()).allSatisfy(p -> assertThat(p.grad()).isZero());
  }

  @Test
  void network_gradient_matches_central_differences() {
    Mlp model = new Mlp(2, new int[] {3, 1}, new Activation() {
      @Override
      public double apply(double x) {
        return Math.tanh(x);
      }

      @Override
      public double derivative(double x, double y) {
        return 1 - y * y;
      }
    }, new SplittableRandom(9));
    dev.retrograd.autograd.GradCheck.defaults().check(x -> model.call(x[0], x[1])[0], 0.4, -0.6);
  }
}
