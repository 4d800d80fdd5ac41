package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Parameters;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpointing through state()/loadState(), buffer names as in PyTorch's state dicts, and learning rates. */
class OptimizerStateTest {

  /** Configurations that use every buffer of every optimizer, with the buffers each keeps. */
  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of("sgd", "lr=0.1", List.of("step")),
        Arguments.of("sgd", "lr=0.1,momentum=0.9,dampening=0.25,weight_decay=0.01", List.of("step", "momentum_buffer")),
        Arguments.of("sgd", "lr=0.05,momentum=0.8,nesterov=true", List.of("step", "momentum_buffer")),
        Arguments.of("adam", "lr=0.1,weight_decay=0.05", List.of("step", "exp_avg", "exp_avg_sq")),
        Arguments.of("adam", "lr=0.1,beta2=0.5,amsgrad=true", List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq")),
        Arguments.of("adamw", "lr=0.1,weight_decay=0.1", List.of("step", "exp_avg", "exp_avg_sq")),
        Arguments.of("adamw", "lr=0.1,beta2=0.5,amsgrad=true", List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq")),
        Arguments.of("lion", "lr=0.01,weight_decay=0.5", List.of("step", "exp_avg")),
        Arguments.of("rmsprop", "lr=0.01", List.of("step", "square_avg")),
        Arguments.of("rmsprop", "lr=0.01,momentum=0.5", List.of("step", "square_avg", "momentum_buffer")),
        Arguments.of("rmsprop", "lr=0.02,centered=true", List.of("step", "square_avg", "grad_avg")),
        Arguments.of("rmsprop", "lr=0.01,momentum=0.5,centered=true,weight_decay=0.01",
            List.of("step", "square_avg", "momentum_buffer", "grad_avg")),
        Arguments.of("adagrad", "lr=0.1,lr_decay=0.1,initial_accumulator_value=0.5", List.of("step", "sum")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void state_is_empty_before_the_first_step_and_then_holds_pytorch_buffer_names(
      String name, String hyperparameters, List<String> buffers) {
    Optimizer optimizer = Quadratic.optimizer(name, hyperparameters);
    assertThat(optimizer.state()).isEmpty();

    new Quadratic().trajectory(optimizer, 2);

    Map<String, double[]> state = optimizer.state();
    assertThat(state.keySet()).containsExactlyElementsOf(buffers);
    assertThat(state.get("step")).containsExactly(2.0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void loaded_state_continues_bit_for_bit(String name, String hyperparameters, List<String> buffers) {
    Optimizer original = Quadratic.optimizer(name, hyperparameters);
    Quadratic problem = new Quadratic();
    problem.trajectory(original, 3);

    Optimizer restored = Quadratic.optimizer(name, hyperparameters);
    restored.loadState(original.state());
    Quadratic copy = problem.copy();

    assertThat(copy.trajectory(restored, 2)).isDeepEqualTo(problem.trajectory(original, 2));
    Map<String, double[]> expected = original.state();
    Map<String, double[]> actual = restored.state();
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((buffer, values) -> assertThat(actual.get(buffer)).as(buffer).isEqualTo(values));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void set_learning_rate_acts_as_if_created_with_that_rate(
      String name, String hyperparameters, List<String> buffers) {
    Optimizer set = Quadratic.optimizer(name, hyperparameters);
    set.setLearningRate(0.003);
    Optimizer created = Quadratic.optimizer(name, Hyperparameters.parse(hyperparameters).with("lr", 0.003));

    assertThat(set.learningRate()).isEqualTo(0.003);
    assertThat(new Quadratic().trajectory(set, 4)).isDeepEqualTo(new Quadratic().trajectory(created, 4));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void set_learning_rate_changes_the_next_step(String name, String hyperparameters, List<String> buffers) {
    Optimizer unchanged = Quadratic.optimizer(name, hyperparameters);
    Optimizer changed = Quadratic.optimizer(name, hyperparameters);
    Quadratic a = new Quadratic();
    Quadratic b = new Quadratic();
    a.trajectory(unchanged, 2);
    b.trajectory(changed, 2);

    changed.setLearningRate(changed.learningRate() / 4);
    double[] before = b.theta.clone();
    a.step(unchanged);
    b.step(changed);

    assertThat(b.theta).isNotEqualTo(a.theta);
    assertThat(Math.abs(b.theta[0] - before[0])).isLessThan(Math.abs(a.theta[0] - before[0]));
  }

  @Test
  void learning_rate_set_after_load_state_is_used_for_a_repeated_step_number() {
    for (String name : List.of("adam", "adamw", "adagrad")) {
      String hyperparameters = "lr=0.1";
      Optimizer optimizer = Quadratic.optimizer(name, hyperparameters);
      Quadratic problem = new Quadratic();
      problem.trajectory(optimizer, 2);
      Map<String, double[]> afterTwo = optimizer.state();
      Quadratic atTwo = problem.copy();
      problem.step(optimizer);  // step 3 at lr = 0.1

      optimizer.setLearningRate(0.05);
      optimizer.loadState(afterTwo);
      Optimizer fresh = Quadratic.optimizer(name, "lr=0.05");
      fresh.loadState(afterTwo);
      Quadratic again = atTwo.copy();
      atTwo.step(optimizer);  // step 3 again, now at lr = 0.05
      again.step(fresh);

      assertThat(atTwo.theta).as(name).isEqualTo(again.theta);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void loading_an_empty_state_starts_over(String name, String hyperparameters, List<String> buffers) {
    Optimizer optimizer = Quadratic.optimizer(name, hyperparameters);
    new Quadratic().trajectory(optimizer, 3);

    optimizer.loadState(Map.of());

    assertThat(new Quadratic().trajectory(optimizer, 3))
        .isDeepEqualTo(new Quadratic().trajectory(Quadratic.optimizer(name, hyperparameters), 3));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void zero_gradient_without_weight_decay_leaves_every_weight_unchanged(
      String name, String hyperparameters, List<String> buffers) {
    double[] theta = {1.5, -2e9, 0.0};
    Optimizer optimizer = Quadratic.optimizer(name, Hyperparameters.parse(hyperparameters).with("weight_decay", 0.0));

    for (int step = 0; step < 3; step++) {
      optimizer.step(Parameters.of(theta, new double[3]));
    }

    assertThat(theta).containsExactly(1.5, -2e9, 0.0);
  }
}
