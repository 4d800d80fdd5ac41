package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Loss;
import org.junit.jupiter.api.Test;

class LossNodeTest {

  /** Mean squared error, with a gradient that can be made wrong by a factor. */
  private static Loss meanSquaredError(double gradientFactor) {
    return new Loss() {
      @Override
      public double value(double[] p, double[] t) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
          sum += (p[i] - t[i]) * (p[i] - t[i]);
        }
        return sum / p.length;
      }

      @Override
      public void gradient(double[] p, double[] t, double[] out) {
        for (int i = 0; i < p.length; i++) {
          out[i] = gradientFactor * 2 * (p[i] - t[i]) / p.length;
        }
      }

      @Override
      public String toString() {
        return "mse";
      }
    };
  }

  @Test
  void loss_is_one_node_whose_backward_uses_the_plugin_gradient() {
    Value a = Value.of(3.0);
    Value b = Value.of(-1.0);
    Value loss = Value.loss(meanSquaredError(1), new Value[] {a.mul(2), b}, new double[] {5.0, 1.0});
    loss.backward();

    assertThat(loss.data()).isEqualTo((1.0 + 4.0) / 2);
    assertThat(loss.op()).isEqualTo("loss");
    assertThat(loss.inputs()).hasSize(2);
    assertThat(a.grad()).isEqualTo(2 * (2 * (6.0 - 5.0) / 2));
    assertThat(b.grad()).isEqualTo(2 * (-1.0 - 1.0) / 2);
  }

  @Test
  void loss_node_matches_central_differences_through_the_graph() {
    GradCheck.defaults().check(x -> Value.loss(meanSquaredError(1),
        new Value[] {x[0].tanh(), x[1].mul(x[0])}, new double[] {0.3, -0.2}), 0.7, -1.1);
  }

  @Test
  void grad_check_catches_a_wrong_loss_gradient() {
    assertThatThrownBy(() -> GradCheck.defaults().check(meanSquaredError(3), new double[] {1.0}, new double[] {0.0}))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Gradient check failed for loss mse at prediction [1.0], target [0.0]")
        .hasMessageContaining("prediction[0] = 1.0: analytic 6.0, numeric 2.0000000");
  }

  @Test
  void mean_loss_averages_one_loss_node_per_row() {
    Value a = Value.of(3.0);
    Value b = Value.of(-1.0);
    Value mean = Value.meanLoss(meanSquaredError(1), new Value[][] {{a}, {b}}, new double[][] {{1.0}, {1.0}});
    mean.backward();

    assertThat(mean.data()).isEqualTo((4.0 + 4.0) / 2);
    assertThat(a.grad()).isEqualTo(2 * (3.0 - 1.0) / 2);
    assertThat(b.grad()).isEqualTo(2 * (-1.0 - 1.0) / 2);
  }

  @Test
  void mean_loss_of_no_rows_is_refused() {
    assertThatThrownBy(() -> Value.meanLoss(meanSquaredError(1), new Value[0][], new double[0][]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meanLoss needs as many target rows as prediction rows, at least one; got 0 for 0");
  }

  @Test
  void a_target_of_another_length_is_refused() {
    assertThatThrownBy(() -> Value.loss(meanSquaredError(1), new Value[] {Value.of(1)}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss needs one target per prediction, got 2 targets for 1 predictions");
  }
}
