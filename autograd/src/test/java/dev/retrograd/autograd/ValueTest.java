package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValueTest {

  @AfterEach
  void turnOffAnomalyDetection() {
    Value.setAnomalyDetection(false);
  }

  @Test
  void micrograd_sanity_check_gives_y_minus_20_and_dy_dx_46() {
    Value x = Value.of(-4.0);
    Value z = x.mul(2).add(2).add(x);
    Value q = z.relu().add(z.mul(x));
    Value h = z.mul(z).relu();
    Value y = h.add(q).add(q.mul(x));
    y.backward();

    assertThat(y.data()).isEqualTo(-20.0);
    assertThat(x.grad()).isEqualTo(46.0);
  }

  @Test
  void micrograd_readme_expression_gives_24_7041_and_its_gradients() {
    Value a = Value.of(-4.0);
    Value b = Value.of(2.0);
    Value c = a.add(b);
    Value d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(c.add(1).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(d.mul(3).add(b.sub(a).relu()));
    Value e = c.sub(d);
    Value f = e.pow(2);
    Value g = f.div(2.0);
    g = g.add(Value.of(10.0).div(f));
    g.backward();

    assertThat(g.data()).isCloseTo(24.7040816327, within(1e-10));
    assertThat(a.grad()).isCloseTo(138.8338192420, within(1e-10));
    assertThat(b.grad()).isCloseTo(645.5772594752, within(1e-10));
  }

  @Test
  void a_value_used_twice_gets_both_contributions() {
    Value a = Value.of(3.0);
    Value b = a.add(a);
    Value c = b.add(b);
    c.backward();

    assertThat(a.grad()).isEqualTo(4.0);
    assertThat(b.grad()).isEqualTo(2.0);
  }

  @Test
  void leaf_gradients_accumulate_across_calls_until_zero_grad() {
    Value a = Value.of(1.5);
    Value b = Value.of(-2.0);
    Value loss = a.mul(b).tanh();
    loss.backward();
    double aOnce = a.grad();
    double bOnce = b.grad();

    loss.backward();

    assertThat(a.grad()).isEqualTo(2 * aOnce);
    assertThat(b.grad()).isEqualTo(2 * bOnce);
    a.zeroGrad();
    assertThat(a.grad()).isZero();
  }

  @Test
  void interior_gradients_reflect_the_latest_call_only() {
    Value a = Value.of(2.0);
    Value hidden = a.mul(3);
    Value loss = hidden.mul(hidden);
    loss.backward();
    loss.backward();

    assertThat(hidden.grad()).isEqualTo(2 * 6.0);
    assertThat(loss.grad()).isEqualTo(1.0);
    assertThat(a.grad()).isEqualTo(2 * 36.0);
  }

  @Test
  void backward_of_a_leaf_seeds_its_own_gradient() {
    Value a = Value.of(5.0);
    a.backward();
    assertThat(a.grad()).isEqualTo(1.0);
  }

  @Test
  void a_chain_of_a_million_adds_backpropagates_on_the_default_stack() {
    Value x = Value.of(0.5);
    Value chain = x;
    for (int i = 0; i < 1_000_000; i++) {
      chain = chain.add(1.0);
    }
    chain.backward();

    assertThat(chain.data()).isEqualTo(1_000_000.5);
    assertThat(x.grad()).isEqualTo(1.0);
  }

  @Test
  void a_chain_of_a_million_binary_nodes_backpropagates_to_both_ends() {
    Value x = Value.of(1.0);
    Value one = Value.of(1.0);
    Value chain = x;
    for (int i = 0; i < 1_000_000; i++) {
      chain = chain.add(one);
    }
    chain.backward();

    assertThat(x.grad()).isEqualTo(1.0);
    assertThat(one.grad()).isEqualTo(1_000_000.0);
  }

  @Test
  void relu_has_derivative_zero_at_zero() {
    Value x = Value.of(0.0);
    x.relu().backward();
    assertThat(x.grad()).isZero();
  }

  @Test
  void abs_has_derivative_zero_at_zero() {
    Value x = Value.of(0.0);
    x.abs().backward();
    assertThat(x.grad()).isZero();
  }

  @Test
  void pow_differentiates_in_base_and_exponent() {
    Value base = Value.of(3.0);
    Value exponent = Value.of(2.0);
    base.pow(exponent).backward();

    assertThat(base.grad()).isCloseTo(2 * 3.0, within(1e-12));
    assertThat(exponent.grad()).isCloseTo(9 * Math.log(3.0), within(1e-12));
  }

  @Test
  void pow_of_zero_base_is_flat_in_a_nonnegative_exponent_as_in_torch() {
    Value base = Value.of(0.0);
    Value exponent = Value.of(2.0);
    base.pow(exponent).backward();

    assertThat(exponent.grad()).isZero();
    assertThat(base.grad()).isZero();
  }

  @Test
  void pow_with_exponent_zero_has_derivative_zero_even_at_zero() {
    Value x = Value.of(0.0);
    Value y = x.pow(0);
    y.backward();
    assertThat(y.data()).isEqualTo(1.0);
    assertThat(x.grad()).isZero();
  }

  @Test
  void log_of_zero_is_minus_infinity_and_does_not_throw() {
    Value x = Value.of(0);
    Value y = x.log();
    y.backward();

    assertThat(y.data()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(x.grad()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void log_of_a_negative_number_is_nan() {
    assertThat(Value.of(-1).log().data()).isNaN();
  }

  @Test
  void sigmoid_is_finite_and_saturates_for_large_inputs() {
    assertThat(Value.of(1000).sigmoid().data()).isEqualTo(1.0);
    assertThat(Value.of(-1000).sigmoid().data()).isEqualTo(0.0);
    Value x = Value.of(-800);
    x.sigmoid().backward();
    assertThat(x.grad()).isZero();
  }

  @Test
  void apply_makes_one_node_from_an_activation() {
    Activation square = new Activation() {
      @Override
      public double apply(double x) {
        return x * x;
      }

      @Override
      public double derivative(double x, double y) {
        return 2 * x;
      }
    };
    Value x = Value.of(3.0);
    Value y = x.apply(square);
    y.backward();

    assertThat(y.data()).isEqualTo(9.0);
    assertThat(y.inputs()).containsExactly(x);
    assertThat(x.grad()).isEqualTo(6.0);
  }

  @Test
  void sum_is_one_node_over_all_terms() {
    Value a = Value.of(1);
    Value b = Value.of(2);
    Value c = Value.of(3);
    Value total = Value.sum(a, b, c, a);
    total.backward();

    assertThat(total.data()).isEqualTo(7.0);
    assertThat(total.inputs()).containsExactly(a, b, c, a);
    assertThat(a.grad()).isEqualTo(2.0);
    assertThat(c.grad()).isEqualTo(1.0);
  }

  @Test
  void sum_of_nothing_is_zero() {
    assertThat(Value.sum().data()).isZero();
  }

  @Test
  void dot_is_one_node_with_each_side_the_gradient_of_the_other() {
    Value[] w = {Value.of(2), Value.of(-3)};
    Value[] x = {Value.of(5), Value.of(7)};
    Value bias = Value.of(0.5);
    Value out = Value.dot(w, x, bias);
    out.backward();

    assertThat(out.data()).isEqualTo(2 * 5 - 3 * 7 + 0.5);
    assertThat(out.inputs()).hasSize(5);
    assertThat(w[1].grad()).isEqualTo(7.0);
    assertThat(x[0].grad()).isEqualTo(2.0);
    assertThat(bias.grad()).isEqualTo(1.0);
  }

  @Test
  void dot_of_a_vector_with_itself_gets_twice_each_element() {
    Value[] v = {Value.of(3), Value.of(-4)};
    Value squaredNorm = Value.dot(v, v);
    squaredNorm.backward();

    assertThat(squaredNorm.data()).isEqualTo(25.0);
    assertThat(v[0].grad()).isEqualTo(6.0);
    assertThat(v[1].grad()).isEqualTo(-8.0);
  }

  @Test
  void dot_of_vectors_of_different_lengths_is_refused() {
    assertThatThrownBy(() -> Value.dot(new Value[] {Value.of(1)}, new Value[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dot needs two vectors of the same length, got 1 and 0");
  }

  @Test
  void fused_node_applies_its_local_gradients() {
    Value a = Value.of(1);
    Value b = Value.of(2);
    Value out = Value.fused("loss", 10.0, new Value[] {a, b}, new double[] {0.5, -3});
    out.mul(2).backward();

    assertThat(out.data()).isEqualTo(10.0);
    assertThat(a.grad()).isEqualTo(1.0);
    assertThat(b.grad()).isEqualTo(-6.0);
  }

  @Test
  void set_data_writes_a_leaf_and_refuses_an_op_output() {
    Value leaf = Value.of(1);
    leaf.setData(2);
    assertThat(leaf.data()).isEqualTo(2.0);

    assertThatThrownBy(() -> leaf.tanh().setData(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("setData is for leaves; this value is the output of 'tanh'. Create a leaf with Value.of.");
  }

  @Test
  void anomaly_detection_names_the_first_op_that_makes_an_infinity() {
    Value.setAnomalyDetection(true);
    Value x = Value.of(0.0);
    Value y = x.mul(2);

    assertThatThrownBy(y::log)
        .isInstanceOf(ArithmeticException.class)
        .hasMessageStartingWith("Anomaly: op 'log' produced -Infinity from finite inputs [0.0].");
  }

  @Test
  void anomaly_detection_names_the_op_whose_backward_makes_an_infinite_gradient() {
    Value.setAnomalyDetection(true);
    Value x = Value.of(0.0);
    Value y = x.sqrt();

    assertThatThrownBy(y::backward)
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("Anomaly: the backward of op 'sqrt' with inputs [0.0] made the gradient of input 0"
            + " Infinity from a finite output gradient 1.0.");
  }

  @Test
  void without_anomaly_detection_non_finite_values_flow_through() {
    Value y = Value.of(0.0).log().mul(0);
    assertThat(y.data()).isNaN();
  }

  @Test
  void to_string_shows_data_grad_and_op() {
    assertThat(Value.of(2.5)).hasToString("Value(data=2.5, grad=0.0)");
    assertThat(Value.of(1).add(1)).hasToString("Value(data=2.0, grad=0.0, op=+)");
  }
}
