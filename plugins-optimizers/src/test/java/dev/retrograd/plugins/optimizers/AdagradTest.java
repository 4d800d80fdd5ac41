package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import org.junit.jupiter.api.Test;

class AdagradTest {

  @Test
  void sum_starts_at_the_initial_accumulator_value() {
    Optimizer optimizer = Quadratic.optimizer("adagrad", "initial_accumulator_value=0.5");

    optimizer.step(Parameters.of(new double[] {1.0, 2.0}, new double[] {0.0, 2.0}));

    assertThat(optimizer.state().get("sum")).containsExactly(0.5, 4.5);
  }

  @Test
  void learning_rate_decays_with_the_step_number() {
    double[] theta = {0.0};
    double[] gradient = {1.0};
    Optimizer optimizer = Quadratic.optimizer("adagrad", "lr=1,lr_decay=0.5,eps=0");
    Parameters parameters = Parameters.of(theta, gradient);

    optimizer.step(parameters);  // clr = 1, sum = 1, θ = −1
    optimizer.step(parameters);  // clr = 1/(1 + 0.5), sum = 2, θ = −1 − (2/3)/sqrt(2)

    assertThat(theta[0]).isCloseTo(-1.0 - (2.0 / 3) / Math.sqrt(2), within(1e-15));
  }
}
