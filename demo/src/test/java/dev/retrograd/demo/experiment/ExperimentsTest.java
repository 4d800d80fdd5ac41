package dev.retrograd.demo.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.registry.Plugins;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

  @Test
  void names_lists_the_six_experiments_sorted() {
    assertThat(Experiments.names())
        .containsExactly("batchnorm", "exploding", "init", "optimizers", "residual", "vanishing");
  }

  @Test
  void each_name_gives_the_experiment_of_that_name_with_a_description() {
    Plugins plugins = Plugins.load();
    for (String name : Experiments.names()) {
      Experiment experiment = Experiments.named(name, Budget.FULL, plugins);
      assertThat(experiment.name()).isEqualTo(name);
      assertThat(experiment.description()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void an_unknown_name_is_refused_with_the_list_of_names() {
    assertThatThrownBy(() -> Experiments.named("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown experiment 'x'; available: [batchnorm, exploding, init, optimizers, residual, "
            + "vanishing].");
    assertThatThrownBy(() -> Experiments.named(null, Budget.FULL))
        .hasMessage("Unknown experiment 'null'; available: [batchnorm, exploding, init, optimizers, residual, "
            + "vanishing].");
  }

  @Test
  void budget_scales_epochs_and_examples_with_floors() {
    Budget budget = Budget.of(0.7);

    assertThat(budget.epochs(10)).isEqualTo(7);
    assertThat(budget.examples(300)).isEqualTo(210);
    assertThat(Budget.of(0.05).epochs(10)).isEqualTo(1);
    assertThat(Budget.of(0.05).examples(300)).isEqualTo(60);
    assertThat(Budget.of(0.5).examples(300)).as("rounded to a multiple of 30").isEqualTo(150);
    assertThat(Budget.FULL.examples(300)).isEqualTo(300);
    assertThat(Budget.FULL.epochs(40)).isEqualTo(40);
  }

  @Test
  void budget_scale_must_be_in_zero_to_one() {
    assertThatThrownBy(() -> Budget.of(0)).hasMessage("budget scale must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> Budget.of(1.5)).hasMessage("budget scale must be in (0, 1], was 1.5");
    assertThatThrownBy(() -> Budget.of(Double.NaN)).hasMessage("budget scale must be in (0, 1], was NaN");
  }

  @Test
  void compact_architecture_writes_repeated_layers_once_with_a_count() {
    assertThat(ComparisonExperiment.compact(ComparisonExperiment.deepNet(3, 16, "sigmoid", "xavier_uniform")))
        .isEqualTo("2 -> 16 sigmoid xavier_uniform x3 -> 3 identity xavier_uniform");
    assertThat(ComparisonExperiment.compact(
        ComparisonExperiment.deepNet(3, 8, "tanh", "he_normal").withResidual()))
        .isEqualTo("2 -> 8 tanh he_normal -> 8 tanh he_normal +res x2 -> 3 identity he_normal");
  }

  @Test
  void spiral_examples_are_standardized_one_hot_rows_of_three_classes() {
    var examples = ComparisonExperiment.spiral(90);

    assertThat(examples.size()).isEqualTo(90);
    assertThat(examples.targetWidth()).isEqualTo(3);
    for (int feature = 0; feature < 2; feature++) {
      double sum = 0;
      double squares = 0;
      for (double[] row : examples.features()) {
        sum += row[feature];
        squares += row[feature] * row[feature];
      }
      assertThat(sum / 90).isCloseTo(0, within(1e-12));
      assertThat(squares / 90).isCloseTo(1, within(1e-12));
    }
  }
}
