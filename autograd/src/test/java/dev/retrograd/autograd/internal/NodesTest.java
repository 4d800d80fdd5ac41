package dev.retrograd.autograd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class NodesTest {

  private static final Activation DOUBLE = new Activation() {
    @Override
    public double apply(double x) {
      return 2 * x;
    }

    @Override
    public double derivative(double x, double y) {
      return 2;
    }
  };

  @Test
  void neuron_is_one_node_of_f_of_w_dot_x_plus_b_with_the_chain_rule_through_f() {
    Value w = Value.of(3);
    Value x = Value.of(-0.5);
    Value bias = Value.of(1);
    Value out = Nodes.neuron(new Value[] {w}, new Value[] {x}, bias, DOUBLE);
    out.backward();

    assertThat(out.data()).isEqualTo(2 * (3 * -0.5 + 1));
    assertThat(out.inputs()).containsExactly(w, x, bias);
    assertThat(w.grad()).isEqualTo(2 * -0.5);
    assertThat(x.grad()).isEqualTo(2 * 3.0);
    assertThat(bias.grad()).isEqualTo(2.0);
  }

  @Test
  void neuron_keeps_the_callers_arrays_instead_of_copying_them() {
    Value w = Value.of(3);
    Value x = Value.of(-0.5);
    Value other = Value.of(7);
    Value[] inputs = {x};
    Value out = Nodes.neuron(new Value[] {w}, inputs, null, null);

    inputs[0] = other;

    assertThat(out.inputs()).containsExactly(w, other);
  }

  @Test
  void neuron_over_vectors_of_different_lengths_is_refused() {
    assertThatThrownBy(() -> Nodes.neuron(new Value[] {Value.of(1), Value.of(2)}, new Value[] {Value.of(3)}, null,
        null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dot needs two vectors of the same length, got 2 and 1");
  }

  @Test
  void install_is_refused_to_any_class_but_value() {
    assertThatThrownBy(() -> Nodes.install((weights, inputs, bias, f) -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Nodes.install is for Value's static initializer, which hands over its factory itself; it was "
            + "called by dev.retrograd.autograd.internal.NodesTest. Build neuron nodes with Nodes.neuron.");
  }

  @Test
  void neuron_works_when_nothing_has_initialized_value_yet() throws Exception {
    URL autograd = Value.class.getProtectionDomain().getCodeSource().getLocation();
    URL api = Activation.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader fresh = new URLClassLoader(new URL[] {autograd, api}, ClassLoader.getPlatformClassLoader())) {
      Class<?> value = Class.forName(Value.class.getName(), false, fresh);
      Class<?> activation = Class.forName(Activation.class.getName(), false, fresh);
      Class<?> nodes = Class.forName(Nodes.class.getName(), true, fresh);
      Method neuron = nodes.getMethod("neuron", value.arrayType(), value.arrayType(), value, activation);
      Object empty = Array.newInstance(value, 0);

      Object out = neuron.invoke(null, empty, empty, null, null);

      assertThat(out.getClass().getClassLoader()).isSameAs(fresh);
      assertThat(value.getMethod("op").invoke(out)).isEqualTo("dot");
      assertThat(value.getMethod("data").invoke(out)).isEqualTo(0.0);
    }
  }
}
