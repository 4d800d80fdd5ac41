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
