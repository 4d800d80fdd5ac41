package dev.retrograd.demo.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerTest {

  private static final Plugins PLUGINS = Plugins.load();
  private static final Dataset DATA = ComparisonExperiment.spiral(90);

  private static RunSpec spec(String label, String activation, String lr) {
    return new RunSpec(label, ComparisonExperiment.deepNet(3, 8, activation, "xavier_uniform"),
        TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=" + lr)).loss("cross_entropy")
            .task(Task.CLASSIFICATION).epochs(3).batchSize(16).build(),
        1);
  }

  @Test
  void the_figures_are_the_same_on_one_thread_or_several() {
    List<RunSpec> specs = List.of(spec("tanh", "tanh", "0.1"), spec("relu", "relu", "0.1"),
        spec("sigmoid", "sigmoid", "0.1"));

    List<RunFigures> serial = new Runner(PLUGINS, 1).train(specs, DATA);
    List<RunFigures> parallel = new Runner(PLUGINS, 3).train(specs, DATA);

    assertThat(parallel).hasSize(3);
    for (int i = 0; i < specs.size(); i++) {
      RunFigures a = serial.get(i);
      RunFigures b = parallel.get(i);
      assertThat(b.label()).isEqualTo(specs.get(i).label());
      assertThat(b.initial()).isEqualTo(a.initial());
      assertThat(b.losses()).isEqualTo(a.losses());
      assertThat(b.stepLosses()).isEqualTo(a.stepLosses());
      assertThat(b.firstEpochGradients()).isEqualTo(a.firstEpochGradients());
      assertThat(b.gradientNorms()).isEqualTo(a.gradientNorms());
    }
  }

  @Test
  void records_every_step_and_epoch_of_a_run() {
    RunFigures run = new Runner(PLUGINS, 1).train(spec("tanh", "tanh", "0.1"), DATA);

    assertThat(run.epochs()).isEqualTo(3);
    assertThat(run.stepLosses()).as("90 rows in batches of 16: 6 steps per epoch").hasSize(18);
    double firstEpochMean = run.stepLosses().subList(0, 6).stream().mapToDouble(Double::doubleValue).average()
        .orElseThrow();
    assertThat(run.losses().get(0)).isCloseTo(firstEpochMean, within(1e-12));
    assertThat(run.firstEpochGradients()).containsOnlyKeys("layer1", "layer2", "layer3", "layer4");
    assertThat(run.divergence()).isEmpty();
  }

  @Test
  void a_run_whose_loss_becomes_nan_is_recorded_as_diverged_not_thrown() {
    RunSpec exploding = new RunSpec("huge lr", ComparisonExperiment.deepNet(6, 16, "relu", "uniform(low=-1,high=1)"),
        spec("x", "relu", "1").config().toBuilder().optimizer("sgd", Hyperparameters.parse("lr=1")).build(), 1);

    RunFigures run = new Runner(PLUGINS, 1).train(exploding, DATA);

    assertThat(run.divergence()).hasValueSatisfying(d -> {
      assertThat(Double.isFinite(d.loss())).isFalse();
      int completedSteps = (d.epoch() - 1) * 6 + d.step() - 1;
      assertThat(completedSteps).as("finite steps before the divergence").isPositive();
      assertThat(run.stepLosses()).hasSize(completedSteps);
      assertThat(d.lastFiniteLoss()).isFinite().isEqualTo(run.stepLosses().get(completedSteps - 1));
    });
    assertThat(run.epochs()).isEqualTo(run.divergence().get().epoch() - 1);
  }
}
