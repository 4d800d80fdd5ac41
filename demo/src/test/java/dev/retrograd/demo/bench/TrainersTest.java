package dev.retrograd.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainersTest {

  private static final int STEPS = 3;

  private final MoonsTask task = new MoonsTask(1337);

  @Test
  void all_three_variants_compute_the_same_training_run() {
    Trainer floor = new HandWritten(task);
    double[] expectedLosses = losses(floor);
    double[] expectedParameters = floor.parameters();

    for (Trainer graph : List.of(new MicrogradGraph(task), new DotGraph(task))) {
      assertThat(losses(graph)).as(graph.name()).containsExactly(expectedLosses, within(1e-9));
      assertThat(graph.parameters()).as(graph.name()).containsExactly(expectedParameters, within(1e-9));
    }
  }

  @Test
  void training_changes_the_parameters_and_lowers_the_loss() {
    Trainer floor = new HandWritten(task);
    double[] losses = losses(floor);

    assertThat(floor.parameters()).isNotEqualTo(task.initialParameters());
    assertThat(losses[STEPS - 1]).isLessThan(losses[0]);
  }

  @Test
  void every_variant_starts_from_the_model_made_by_the_task() {
    for (Trainer trainer : List.of(new MicrogradGraph(task), new DotGraph(task), new HandWritten(task))) {
      assertThat(trainer.parameters()).as(trainer.name())
          .hasSize(337)
          .containsExactly(task.initialParameters());
    }
  }

  @Test
  void reset_starts_a_run_over_from_the_initial_parameters() {
    Trainer trainer = new DotGraph(task);
    double[] first = losses(trainer);

    trainer.reset();

    assertThat(trainer.parameters()).containsExactly(task.initialParameters());
    assertThat(losses(trainer)).containsExactly(first);
  }

  @Test
  void the_micrograd_graph_has_about_65_000_nodes_per_step() {
    assertThat(new MicrogradGraph(task).nodesPerStep()).isBetween(60_000, 70_000);
  }

  @Test
  void the_dot_graph_is_far_smaller_and_the_floor_has_none() {
    // per point: 33 neuron nodes + 3 loss nodes (mul, add, relu) and 2 input leaves;
    // then 337 parameters and 5 nodes for the sum, the mean, the penalty and the total
    assertThat(new DotGraph(task).nodesPerStep()).isEqualTo(100 * (33 + 3 + 2) + 337 + 5);
    assertThat(new HandWritten(task).nodesPerStep()).isZero();
  }

  @Test
  void a_compiled_variant_on_one_thread_computes_the_eager_run_bit_for_bit_and_on_two_threads_up_to_rounding() {
    for (boolean micrograd : new boolean[] {true, false}) {
      GraphTrainer eager = micrograd ? new MicrogradGraph(task) : new DotGraph(task);
      double[] expectedLosses = losses(eager);
      double[] expectedParameters = eager.parameters();
      Trainer one = new CompiledMoons(micrograd ? new MicrogradGraph(task) : new DotGraph(task), "one", 1);
      Trainer two = new CompiledMoons(micrograd ? new MicrogradGraph(task) : new DotGraph(task), "two", 2);

      assertThat(losses(one)).containsExactly(expectedLosses);
      assertThat(one.parameters()).containsExactly(expectedParameters);
      assertThat(losses(two)).containsExactly(expectedLosses, within(1e-12));
      assertThat(two.parameters()).containsExactly(expectedParameters, within(1e-12));
    }
  }

  @Test
  void the_micrograd_graph_compiles_to_about_a_ninth_of_its_nodes() {
    // each neuron's chain b + w0·x0 + w1·x1 + … becomes one weighted-sum op
    assertThat(new CompiledMoons(new MicrogradGraph(task), "compiled", 1).nodesPerStep()).isBetween(7_000, 8_000);
  }

  @Test
  void the_classifier_step_variants_compute_the_same_training_run() {
    MlpTask small = new MlpTask("small", 6, 5, 3, 8, dev.retrograd.registry.Plugins.load(), 3);
    Trainer floor = new HandWrittenMlp(small, 1);
    double[] expectedLosses = losses(floor);
    double[] expectedParameters = floor.parameters();
    Trainer eager = new EagerMlp(small);
    double[] eagerLosses = losses(eager);

    for (Trainer trainer : List.of(new CompiledMlp(small, 1), new CompiledMlp(small, 2), new HandWrittenMlp(small, 2))) {
      assertThat(losses(trainer)).as(trainer.name()).containsExactly(expectedLosses, within(1e-12));
      assertThat(trainer.parameters()).as(trainer.name()).containsExactly(expectedParameters, within(1e-12));
    }
    assertThat(eagerLosses).containsExactly(expectedLosses, within(1e-12));
    assertThat(losses(new CompiledMlp(small, 1))).as("compiled on one thread, against eager").containsExactly(
        eagerLosses);
  }

  @Test
  void the_learning_rate_falls_linearly_from_1_to_0_109() {
    assertThat(MoonsTask.learningRate(0)).isEqualTo(1.0);
    assertThat(MoonsTask.learningRate(99)).isCloseTo(0.109, within(1e-12));
  }

  private static double[] losses(Trainer trainer) {
    double[] losses = new double[STEPS];
    for (int k = 0; k < STEPS; k++) {
      losses[k] = trainer.step(k);
    }
    return losses;
  }
}
