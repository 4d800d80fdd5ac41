package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.internal.Nodes;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every node shape names its op and lists its inputs in order, as the sort of the graph reads them. */
class NodeShapeTest {

  private static final Activation CUBE = new Activation() {
    @Override
    public double apply(double x) {
      return x * x * x;
    }

    @Override
    public double derivative(double x, double y) {
      return 3 * x * x;
    }
  };

  private final Value a = Value.of(2);
  private final Value b = Value.of(-3);
  private final Value c = Value.of(0.5);

  @Test
  void a_leaf_has_no_op_and_no_inputs() {
    assertThat(a.isLeaf()).isTrue();
    assertThat(a.op()).isEmpty();
    assertThat(a.inputs()).isEmpty();
  }

  @Test
  void a_unary_node_with_a_constant_has_one_input() {
    Value out = a.pow(3);

    assertThat(out.isLeaf()).isFalse();
    assertThat(out.op()).isEqualTo("pow");
    assertThat(out.inputs()).containsExactly(a);
  }

  @Test
  void a_binary_node_has_its_left_then_its_right_input() {
    assertThat(a.sub(b).op()).isEqualTo("-");
    assertThat(a.sub(b).inputs()).containsExactly(a, b);
  }

  @Test
  void a_sum_has_its_terms() {
    assertThat(Value.sum(a, b, a).op()).isEqualTo("sum");
    assertThat(Value.sum(a, b, a).inputs()).containsExactly(a, b, a);
  }

  @Test
  void a_dot_has_its_weights_then_its_inputs_then_its_bias() {
    Value out = Value.dot(new Value[] {a, b}, new Value[] {c, a}, b);

    assertThat(out.op()).isEqualTo("dot");
    assertThat(out.inputs()).containsExactly(a, b, c, a, b);
  }

  @Test
  void a_neuron_is_named_neuron_and_a_neuron_without_activation_dot() {
    assertThat(Nodes.neuron(new Value[] {a}, new Value[] {b}, c, CUBE).op()).isEqualTo("neuron");
    assertThat(Nodes.neuron(new Value[] {a}, new Value[] {b}, null, null).op()).isEqualTo("dot");
    assertThat(Nodes.neuron(new Value[] {a}, new Value[] {b}, null, null).inputs()).containsExactly(a, b);
  }

  @Test
  void a_fused_node_is_named_by_its_caller() {
    Value out = Value.fused("my_loss", 1.0, new Value[] {a, b}, new double[] {1, 1});

    assertThat(out.op()).isEqualTo("my_loss");
    assertThat(out.inputs()).containsExactly(a, b);
  }

  @Test
  void an_applied_activation_has_one_input() {
    assertThat(a.apply(CUBE).op()).isEqualTo("apply");
    assertThat(a.apply(CUBE).inputs()).containsExactly(a);
  }

  /** Returns d/dx and d/dy of a graph with every shape, built here (backward walks the tape) or on another thread (it sorts). */
  private static double[] gradientsOfEveryShape(boolean onAnotherThread) throws Exception {
    Value x = Value.of(0.7);
    Value y = Value.of(-1.3);
    Supplier<Value> build = () -> {
      Value unary = x.mul(3).exp();
      Value binary = x.div(y);
      Value sum = Value.sum(unary, binary, x);
      Value dot = Value.dot(new Value[] {x, sum}, new Value[] {y, y}, x);
      Value neuron = Nodes.neuron(new Value[] {dot, y}, new Value[] {x, binary}, y, CUBE);
      Value fused = Value.fused("f", neuron.data() * 2, new Value[] {neuron, x}, new double[] {2, 0.5});
      return fused.apply(CUBE).add(dot.relu());
    };
    Value loss = onAnotherThread ? CompletableFuture.supplyAsync(build).get() : build.get();
    loss.backward();
    return new double[] {x.grad(), y.grad()};
  }

  @Test
  void sorting_a_graph_of_every_shape_gives_the_gradients_of_walking_its_tape() throws Exception {
    double[] alongTape = gradientsOfEveryShape(false);
    double[] bySorting = gradientsOfEveryShape(true);

    assertThat(bySorting[0]).isCloseTo(alongTape[0], within(1e-12 * Math.abs(alongTape[0])));
    assertThat(bySorting[1]).isCloseTo(alongTape[1], within(1e-12 * Math.abs(alongTape[1])));
    assertThat(alongTape[0]).isNotZero();
    assertThat(alongTape[1]).isNotZero();
  }
}
