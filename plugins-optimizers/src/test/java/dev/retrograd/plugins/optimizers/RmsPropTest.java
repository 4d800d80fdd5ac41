package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import org.junit.jupiter.api.Test;

class RmsPropTest {

  @Test
  void centered_divides_by_the_standard_deviation_of_the_gradient() {
    double[] theta = {0.0};
    Optimizer optimizer = Quadratic.optimizer("rmsprop", "lr=1,alpha=0.5,eps=0,centered=true");

    optimizer.step(Parameters.of(theta, new double[] {2.0}));

    // v = 0.5·4 = 2, g_avg = 0.5·2 = 1, denom = sqrt(2 − 1) = 1, θ = −1·2/1
    assertThat(theta).containsExactly(-2.0);
    assertThat(optimizer.state().get("square_avg")).containsExactly(2.0);
    assertThat(optimizer.state().get("grad_avg")).containsExactly(1.0);
  }

  @Test
  void momentum_accumulates_the_normalized_gradient() {
    double[] theta = {0.0};
    double[] gradient = {2.0};
    Optimizer optimizer = Quadratic.optimizer("rmsprop", "lr=1,alpha=0.75,eps=0,momentum=0.5");
    Parameters parameters = Parameters.of(theta, gradient);

    optimizer.step(parameters);  // v = 0.25·4 = 1, buf = 2/1 = 2, θ = −2
    gradient[0] = 4.0;
    optimizer.step(parameters);  // v = 0.75 + 0.25·16 = 4.75, buf = 0.5·2 + 4/sqrt(4.75)

    double buf = 1.0 + 4 / Math.sqrt(4.75);
    assertThat(optimizer.state().get("momentum_buffer")).containsExactly(buf);
    assertThat(theta).containsExactly(-2.0 - buf);
  }
}
