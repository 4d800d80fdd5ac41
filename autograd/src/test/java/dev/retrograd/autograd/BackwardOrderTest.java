package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * backward() walks the thread's record of ops when it holds the graph and sorts the graph
 * otherwise; both orders must give the same gradients.
 */
class BackwardOrderTest {

  /** Returns d/dx and d/dy of a graph with reuse, built from fresh leaves. */
  private static double[] gradients(double x0, double y0, boolean twice) {
    Value x = Value.of(x0);
    Value y = Value.of(y0);
    Value h = x.mul(y).tanh();
    Value loss = Value.sum(h, h.mul(x), y.exp().div(h.add(2))).pow(2);
    loss.backward();
    if (twice) {
      x.zeroGrad();
      y.zeroGrad();
      loss.backward();
    }
    return new double[] {x.grad(), y.grad()};
  }

  @Test
  void a_second_backward_on_the_same_loss_sorts_and_gives_the_same_gradients() {
    assertThat(gradients(0.7, -1.3, true)).containsExactly(gradients(0.7, -1.3, false));
  }

  @Test
  void a_graph_built_on_another_thread_backpropagates_by_sorting() throws Exception {
    Value x = Value.of(0.7);
    Value y = Value.of(-1.3);
    Value loss = CompletableFuture.supplyAsync(() -> x.mul(y).tanh().mul(x)).get();
    loss.backward();

    double h = Math.tanh(0.7 * -1.3);
    assertThat(x.grad()).isCloseTo(h + 0.7 * (1 - h * h) * -1.3, org.assertj.core.api.Assertions.within(1e-15));
  }

  @Test
  void a_graph_that_spans_an_earlier_backward_backpropagates_by_sorting() {
    Value x = Value.of(2.0);
    Value early = x.mul(3);
    Value other = x.mul(5);
    other.backward();
    x.zeroGrad();

    Value loss = early.mul(x);
    loss.backward();

    assertThat(x.grad()).isEqualTo(12.0);
  }

  @Test
  void ops_recorded_but_not_reached_from_the_loss_contribute_nothing() {
    Value x = Value.of(1.0);
    Value unrelated = x.sub(x).log();
    Value loss = x.mul(2);
    loss.backward();

    assertThat(unrelated.data()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(x.grad()).isEqualTo(2.0);
  }

  @Test
  void an_interior_node_reached_again_starts_from_zero() {
    Value x = Value.of(1.5);
    Value shared = x.mul(x);
    Value first = shared.mul(2);
    first.backward();
    Value second = shared.mul(3);
    second.backward();

    assertThat(shared.grad()).isEqualTo(3.0);
    assertThat(x.grad()).isEqualTo(2 * 1.5 * 2 + 2 * 1.5 * 3);
  }
}
