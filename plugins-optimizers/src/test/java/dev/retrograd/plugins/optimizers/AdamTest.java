package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import org.junit.jupiter.api.Test;

/** Adam and AdamW: first steps by hand, and where L2 and decoupled weight decay part ways. */
class AdamTest {

  @Test
  void adam_first_step_moves_each_weight_by_lr() {
    double[] theta = {1.0, 1.0, 1.0, 1.0};
    double[] gradient = {1e6, -3.0, 1e-2, 0.0};

    Quadratic.optimizer("adam", "").step(Parameters.of(theta, gradient));

    // m̂ = g and sqrt(v̂) = |g| on step 1, so θ ← θ − lr·g/(|g| + eps), about lr·sign(g)
    for (int i = 0; i < 4; i++) {
      double expected = 1.0 - 0.001 * gradient[i] / (Math.abs(gradient[i]) + 1e-8);
      assertThat(theta[i]).as("θ_%d", i).isCloseTo(expected, within(1e-15));
    }
    assertThat(theta[3]).isEqualTo(1.0);
  }

  @Test
  void adam_adds_eps_after_the_bias_correction() {
    double[] theta = {0.0};
    double eps = 0.5;

    Quadratic.optimizer("adam", "lr=1,beta1=0.5,beta2=0.75,eps=" + eps)
        .step(Parameters.of(theta, new double[] {1.0}));

    // m = 0.5, v = 0.25; step_size = 1/(1 − 0.5) = 2; denom = sqrt(0.25)/sqrt(1 − 0.75) + 0.5 = 1.5
    assertThat(theta[0]).isCloseTo(-2.0 * 0.5 / 1.5, within(1e-15));
  }

  @Test
  void adamw_decays_the_weight_instead_of_adding_it_to_the_gradient() {
    double[] adamTheta = {2.0};
    double[] adamwTheta = {2.0};
    String hyperparameters = "lr=0.1,weight_decay=0.5";

    Quadratic.optimizer("adam", hyperparameters).step(Parameters.of(adamTheta, new double[] {1.0}));
    Quadratic.optimizer("adamw", hyperparameters).step(Parameters.of(adamwTheta, new double[] {1.0}));

    // adam: g = 1 + 0.5·2 = 2, θ = 2 − 0.1·2/(2 + eps)
    assertThat(adamTheta[0]).isCloseTo(2.0 - 0.1 * 2 / (2 + 1e-8), within(1e-14));
    // adamw: θ = 2·(1 − 0.1·0.5) = 1.9, then θ = 1.9 − 0.1·1/(1 + eps)
    assertThat(adamwTheta[0]).isCloseTo(1.9 - 0.1 / (1 + 1e-8), within(1e-14));
  }

  @Test
  void adamw_with_zero_weight_decay_is_exactly_adam() {
    Quadratic adam = new Quadratic();
    Quadratic adamw = new Quadratic();
    String hyperparameters = "lr=0.05,beta1=0.7,beta2=0.9,amsgrad=true,weight_decay=0";

    double[][] expected = adam.trajectory(Quadratic.optimizer("adam", hyperparameters), 5);
    double[][] actual = adamw.trajectory(Quadratic.optimizer("adamw", hyperparameters), 5);

    assertThat(actual).isDeepEqualTo(expected);
  }

  @Test
  void amsgrad_normalizes_by_the_largest_second_moment_seen() {
    double[] theta = {0.0};
    double[] gradient = {2.0};
    Optimizer optimizer = Quadratic.optimizer("adam", "lr=1,beta1=0,beta2=0.5,eps=0,amsgrad=true");
    Parameters parameters = Parameters.of(theta, gradient);

    optimizer.step(parameters);  // v = 0.5·4 = 2
    gradient[0] = 1.0;
    optimizer.step(parameters);  // v = 0.5·2 + 0.5·1 = 1.5 < v_max = 2

    assertThat(optimizer.state().get("exp_avg_sq")).containsExactly(1.5);
    assertThat(optimizer.state().get("max_exp_avg_sq")).containsExactly(2.0);
    // step 1: θ = −1·2/(sqrt(2)/sqrt(0.5)) = −1; step 2: θ = −1 − 1·1/(sqrt(2)/sqrt(0.75))
    assertThat(theta[0]).isCloseTo(-1.0 - Math.sqrt(0.75) / Math.sqrt(2), within(1e-15));
  }
}
