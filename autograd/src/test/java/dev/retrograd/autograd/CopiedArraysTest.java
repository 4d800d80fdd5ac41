package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Loss;
import org.junit.jupiter.api.Test;

/** The public n-ary ops copy the caller's arrays: changing them afterwards does not change the node. */
class CopiedArraysTest {

  @Test
  void fused_does_not_see_later_changes_to_the_callers_inputs_or_local_gradients() {
    Value a = Value.of(1);
    Value b = Value.of(2);
    Value other = Value.of(3);
    Value[] inputs = {a, b};
    double[] localGradients = {0.5, -3};
    Value out = Value.fused("loss", 10.0, inputs, localGradients);

    inputs[0] = other;
    localGradients[1] = 100;
    out.backward();

    assertThat(out.inputs()).containsExactly(a, b);
    assertThat(a.grad()).isEqualTo(0.5);
    assertThat(b.grad()).isEqualTo(-3.0);
    assertThat(other.grad()).isZero();
  }

  @Test
  void fused_with_one_local_gradient_too_few_is_refused() {
    assertThatThrownBy(() -> Value.fused("loss", 1.0, new Value[] {Value.of(1), Value.of(2)}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fused 'loss' needs one local gradient per input, got 1 for 2 inputs");
  }

  @Test
  void loss_does_not_see_later_changes_to_the_callers_predictions() {
    Loss halfSquare = new Loss() {
      @Override
      public double value(double[] p, double[] t) {
        return (p[0] - t[0]) * (p[0] - t[0]) / 2;
      }

      @Override
      public void gradient(double[] p, double[] t, double[] out) {
        out[0] = p[0] - t[0];
      }
    };
    Value prediction = Value.of(3);
    Value other = Value.of(7);
    Value[] predictions = {prediction};
    Value loss = Value.loss(halfSquare, predictions, new double[] {1});

    predictions[0] = other;
    loss.backward();

    assertThat(prediction.grad()).isEqualTo(2.0);
    assertThat(other.grad()).isZero();
  }

  @Test
  void sum_does_not_see_later_changes_to_the_callers_terms() {
    Value a = Value.of(1);
    Value other = Value.of(2);
    Value[] terms = {a, a};
    Value total = Value.sum(terms);

    terms[1] = other;
    total.backward();

    assertThat(total.inputs()).containsExactly(a, a);
    assertThat(a.grad()).isEqualTo(2.0);
    assertThat(other.grad()).isZero();
  }

  @Test
  void dot_does_not_see_later_changes_to_the_callers_weights_or_inputs() {
    Value w = Value.of(2);
    Value x = Value.of(5);
    Value other = Value.of(-1);
    Value[] weights = {w};
    Value[] inputs = {x};
    Value out = Value.dot(weights, inputs, null);

    weights[0] = other;
    inputs[0] = other;
    out.backward();

    assertThat(out.inputs()).containsExactly(w, x);
    assertThat(w.grad()).isEqualTo(5.0);
    assertThat(x.grad()).isEqualTo(2.0);
    assertThat(other.grad()).isZero();
  }
}
