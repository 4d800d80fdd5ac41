package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import org.junit.jupiter.api.Test;

class SgdTest {

  private final Sgd sgd = new Sgd();

  private Optimizer sgd(String hyperparameters) {
    return sgd.create(Hyperparameters.parse(hyperparameters).resolve(sgd));
  }

  @Test
  void plain_step_is_theta_minus_lr_times_gradient() {
    double[] theta = {2.0, -1.0, 0.0};
    Optimizer optimizer = sgd("lr=0.5");

    optimizer.step(Parameters.of(theta, new double[] {1.0, -4.0, 3.0}));

    assertThat(theta).containsExactly(1.5, 1.0, -1.5);
  }

  @Test
  void momentum_buffer_is_the_raw_gradient_after_the_first_step_without_dampening() {
    double[] gradient = {0.3, -7.0, 1e6};
    Optimizer optimizer = sgd("momentum=0.9,dampening=0.5");

    optimizer.step(Parameters.of(new double[] {1.0, 2.0, 3.0}, gradient));

    assertThat(optimizer.state().get("momentum_buffer")).containsExactly(gradient);
  }

  @Test
  void momentum_buffer_after_the_first_step_includes_weight_decay() {
    Optimizer optimizer = sgd("momentum=0.9,dampening=0.5,weight_decay=0.25");

    optimizer.step(Parameters.of(new double[] {4.0, -2.0}, new double[] {1.0, 1.0}));

    // buf = g + weight_decay·θ = {1 + 0.25·4, 1 + 0.25·(−2)}
    assertThat(optimizer.state().get("momentum_buffer")).containsExactly(2.0, 0.5);
  }

  @Test
  void second_step_dampens_the_new_gradient() {
    double[] theta = {0.0};
    double[] gradient = {2.0};
    Optimizer optimizer = sgd("lr=0.5,momentum=0.5,dampening=0.25");
    Parameters parameters = Parameters.of(theta, gradient);

    optimizer.step(parameters);  // buf = 2, θ = 0 − 0.5·2 = −1
    gradient[0] = 4.0;
    optimizer.step(parameters);  // buf = 0.5·2 + 0.75·4 = 4, θ = −1 − 0.5·4 = −3

    assertThat(optimizer.state().get("momentum_buffer")).containsExactly(4.0);
    assertThat(theta).containsExactly(-3.0);
  }

  @Test
  void nesterov_steps_along_gradient_plus_momentum_times_buffer() {
    double[] theta = {0.0};
    double[] gradient = {2.0};
    Optimizer optimizer = sgd("lr=0.5,momentum=0.5,nesterov=true");
    Parameters parameters = Parameters.of(theta, gradient);

    optimizer.step(parameters);  // buf = 2, g = 2 + 0.5·2 = 3, θ = −1.5
    gradient[0] = 4.0;
    optimizer.step(parameters);  // buf = 0.5·2 + 4 = 5, g = 4 + 0.5·5 = 6.5, θ = −1.5 − 3.25

    assertThat(theta).containsExactly(-4.75);
  }

  @Test
  void nesterov_without_momentum_is_rejected_with_what_it_needs() {
    assertThatThrownBy(() -> sgd("nesterov=true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sgd: nesterov=true needs momentum > 0 and dampening = 0, got momentum=0.0, dampening=0.0");
  }

  @Test
  void nesterov_with_dampening_is_rejected_with_what_it_needs() {
    assertThatThrownBy(() -> sgd("nesterov=true,momentum=0.9,dampening=0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sgd: nesterov=true needs momentum > 0 and dampening = 0, got momentum=0.9, dampening=0.1");
  }

  @Test
  void without_momentum_no_buffer_is_kept() {
    Optimizer optimizer = sgd("");

    optimizer.step(Parameters.of(new double[] {1.0}, new double[] {1.0}));

    assertThat(optimizer.state()).containsOnlyKeys("step");
  }

  @Test
  void negative_dampening_is_accepted_as_in_pytorch() {
    double[] theta = {0.0};
    double[] gradient = {1.0};
    Optimizer optimizer = sgd("lr=1,momentum=0.5,dampening=-1");
    Parameters parameters = Parameters.of(theta, gradient);

    optimizer.step(parameters);  // buf = 1, θ = −1
    optimizer.step(parameters);  // buf = 0.5·1 + 2·1 = 2.5, θ = −3.5

    assertThat(theta).containsExactly(-3.5);
  }
}
