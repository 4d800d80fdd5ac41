package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Inside Value.noGrad() ops compute their values but record no graph; outside it nothing changes. */
class NoGradTest {

  /** One expression per op of Value, over a = 1.5, b = 0.4, c = -2. */
  private static final List<Function<Value[], Value>> EVERY_OP = List.of(
      v -> v[0].add(v[1]), v -> v[0].add(2), v -> v[0].sub(v[1]), v -> v[0].sub(2), v -> v[0].mul(v[1]),
      v -> v[0].mul(2), v -> v[0].div(v[1]), v -> v[0].div(2), v -> v[0].pow(v[1]), v -> v[0].pow(3),
      v -> v[0].neg(), v -> v[0].exp(), v -> v[0].log(), v -> v[0].sqrt(), v -> v[2].tanh(), v -> v[2].sigmoid(),
      v -> v[2].relu(), v -> v[2].abs(), v -> v[2].apply(TestFunctions.SOFTPLUS), v -> Value.sum(v[0], v[1], v[2]),
      v -> Value.dot(new Value[] {v[0], v[1]}, new Value[] {v[2], v[0]}),
      v -> Value.dot(new Value[] {v[0], v[1]}, new Value[] {v[2], v[0]}, v[1]),
      v -> Value.fused("twice", 2 * v[0].data(), new Value[] {v[0]}, new double[] {2}),
      v -> Value.loss(TestFunctions.SQUARED_ERROR, new Value[] {v[0], v[1]}, new double[] {1, 0}),
      v -> Value.meanLoss(TestFunctions.SQUARED_ERROR, new Value[][] {{v[0]}, {v[2]}}, new double[][] {{1}, {0}}));

  private static Value[] leaves() {
    return new Value[] {Value.of(1.5), Value.of(0.4), Value.of(-2)};
  }

  @Test
  void every_op_computes_the_same_value_inside_and_outside_a_no_grad_scope() {
    for (Function<Value[], Value> op : EVERY_OP) {
      Value recorded = op.apply(leaves());
      Value untracked;
      try (NoGrad scope = Value.noGrad()) {
        untracked = op.apply(leaves());
      }

      assertThat(untracked.data()).isEqualTo(recorded.data());
      assertThat(untracked.op()).isEqualTo(recorded.op());
      assertThat(recorded.inputs()).isNotEmpty();
      assertThat(untracked.inputs()).isEmpty();
      assertThat(untracked.isLeaf()).isFalse();
    }
  }

  @Test
  void backward_on_a_value_made_under_no_grad_throws_and_says_why() {
    Value x = Value.of(0.5);
    Value y;
    try (NoGrad scope = Value.noGrad()) {
      y = x.mul(2).tanh();
    }

    assertThatThrownBy(y::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("backward() needs a graph, but this value ('tanh', data " + Math.tanh(1.0) + ") was computed"
            + " inside a Value.noGrad() scope, which records none. Compute it outside the scope to differentiate it.");
    assertThat(x.grad()).isZero();
  }

  @Test
  void a_value_made_under_no_grad_is_a_constant_in_a_later_graph() {
    Value x = Value.of(3.0);
    Value c;
    try (NoGrad scope = Value.noGrad()) {
      c = x.mul(x);
    }
    Value loss = c.mul(x);   // 9x as far as backward knows: c is a constant
    loss.backward();

    assertThat(loss.data()).isEqualTo(27.0);
    assertThat(x.grad()).isEqualTo(9.0);
    assertThat(c.grad()).isZero();
  }

  @Test
  void setting_the_data_of_a_value_made_under_no_grad_is_refused_as_for_any_op() {
    Value y;
    try (NoGrad scope = Value.noGrad()) {
      y = Value.of(1).exp();
    }

    assertThatThrownBy(() -> y.setData(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("setData is for leaves; this value is the output of 'exp'. Create a leaf with Value.of.");
  }

  @Test
  void nested_scopes_record_again_only_when_the_outermost_is_closed() {
    Value x = Value.of(2.0);
    try (NoGrad outer = Value.noGrad()) {
      try (NoGrad inner = Value.noGrad()) {
        assertThat(x.mul(3).inputs()).isEmpty();
      }
      assertThat(x.mul(3).inputs()).isEmpty();
    }
    Value y = x.mul(3);
    y.backward();

    assertThat(y.inputs()).containsExactly(x);
    assertThat(x.grad()).isEqualTo(3.0);
  }

  @Test
  void closing_a_scope_twice_closes_it_once() {
    Value x = Value.of(2.0);
    try (NoGrad outer = Value.noGrad()) {
      NoGrad inner = Value.noGrad();
      inner.close();
      inner.close();
      assertThat(x.mul(3).inputs()).isEmpty();
    }
    assertThat(x.mul(3).inputs()).containsExactly(x);
  }

  @Test
  void a_scope_changes_nothing_on_other_threads() throws Exception {
    Value x = Value.of(2.0);
    try (NoGrad scope = Value.noGrad()) {
      Value elsewhere = CompletableFuture.supplyAsync(() -> x.mul(3)).get();

      assertThat(elsewhere.inputs()).containsExactly(x);
      assertThat(x.mul(3).inputs()).isEmpty();
    }
  }

  @Test
  void a_scope_is_closed_on_the_thread_that_opened_it() throws Exception {
    String opener = Thread.currentThread().getName();
    try (NoGrad scope = Value.noGrad()) {
      CompletableFuture<Throwable> refused = new CompletableFuture<>();
      Thread closer = new Thread(() -> {
        try {
          scope.close();
          refused.complete(null);
        } catch (Throwable e) {
          refused.complete(e);
        }
      }, "closer");
      closer.start();

      assertThat(refused.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("A noGrad scope is closed on the thread that opened it ('" + opener
              + "'), not on 'closer'. Open and close it in one try-with-resources block.");
      assertThat(Value.of(1).mul(2).inputs()).isEmpty();
    }
  }

  @Test
  void a_graph_built_after_a_scope_backpropagates_along_the_tape_as_before() {
    Value x = Value.of(0.7);
    Value y = Value.of(-1.3);
    try (NoGrad scope = Value.noGrad()) {
      x.mul(y).tanh();
    }
    Value h = x.mul(y).tanh();
    Value loss = h.mul(x);
    loss.backward();

    double t = Math.tanh(0.7 * -1.3);
    assertThat(x.grad()).isCloseTo(t + 0.7 * (1 - t * t) * -1.3, within(1e-15));
    assertThat(y.grad()).isCloseTo(0.7 * (1 - t * t) * 0.7, within(1e-15));
  }

  @Test
  void anomaly_mode_names_the_op_inside_a_scope_too() {
    Value.setAnomalyDetection(true);
    try (NoGrad scope = Value.noGrad()) {
      assertThatThrownBy(() -> Value.of(0).log())
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("Anomaly: op 'log' produced -Infinity from finite inputs [0.0]. Check the range of its"
              + " inputs (a log or division near 0, an exp of a large number).");
    } finally {
      Value.setAnomalyDetection(false);
    }
  }

  @Test
  void grad_check_builds_a_graph_for_the_analytic_side_only_and_still_checks() {
    List<Boolean> recorded = new ArrayList<>();
    GradCheck.defaults().check(x -> {
      Value out = x[0].mul(x[1]).tanh().add(x[0].pow(2));
      recorded.add(!out.inputs().isEmpty());
      return out;
    }, 0.3, -0.8);

    assertThat(recorded).containsExactly(true, false, false, false, false);
  }
}
