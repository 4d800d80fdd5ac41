package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import org.junit.jupiter.api.Test;

class LionTest {

  @Test
  void every_element_moves_by_exactly_lr_when_weight_decay_is_zero() {
    double lr = 0x1p-10;  // a power of two, so θ ± lr is exact for the dyadic θ below
    double[] theta = {0.5, -0.25, 0.0, 0.125};
    double[] gradient = {1e300, -3.0, 0.0, 1e-300};
    Optimizer optimizer = Quadratic.optimizer("lion", "lr=" + lr);
    Parameters parameters = Parameters.of(theta, gradient);

    for (int step = 1; step <= 5; step++) {
      double[] before = theta.clone();
      optimizer.step(parameters);
      assertThat(theta[0] - before[0]).as("step %d", step).isEqualTo(-lr);
      assertThat(theta[1] - before[1]).as("step %d", step).isEqualTo(lr);
      assertThat(theta[2] - before[2]).as("sign(0) = 0, step %d", step).isEqualTo(0.0);
      assertThat(theta[3] - before[3]).as("step %d", step).isEqualTo(-lr);
    }
  }

  @Test
  void direction_is_the_sign_of_the_interpolation_not_of_the_gradient() {
    double[] theta = {0.0, 0.0};
    double[] gradient = {1.0, 1.0};
    Optimizer optimizer = Quadratic.optimizer("lion", "lr=0.5");
    Parameters parameters = Parameters.of(theta, gradient);

    optimizer.step(parameters);  // θ = −0.5 each; m = (1 − 0.99)·1, about 0.01
    gradient[0] = -0.05;  // 0.9·0.01 + 0.1·(−0.05) ≈ 0.004 > 0: still a step down
    gradient[1] = -0.2;  // 0.9·0.01 + 0.1·(−0.2) ≈ −0.011 < 0: a step up
    optimizer.step(parameters);

    assertThat(theta).containsExactly(-1.0, 0.0);
    double m = 1 - 0.99;
    assertThat(optimizer.state().get("exp_avg"))
        .containsExactly(0.99 * m + (1 - 0.99) * -0.05, 0.99 * m + (1 - 0.99) * -0.2);
  }

  @Test
  void weight_decay_shrinks_theta_before_the_signed_step() {
    double[] theta = {2.0};

    Quadratic.optimizer("lion", "lr=0.25,weight_decay=1").step(Parameters.of(theta, new double[] {3.0}));

    // θ = 2·(1 − 0.25·1) − 0.25·sign(0.1·3) = 1.5 − 0.25
    assertThat(theta).containsExactly(1.25);
  }
}
