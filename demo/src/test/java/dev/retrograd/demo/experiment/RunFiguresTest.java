package dev.retrograd.demo.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunFiguresTest {

  static RunFigures figures(String label, List<Double> losses, List<Double> stepLosses, Divergence divergence) {
    Map<String, Double> gradients = new LinkedHashMap<>();
    gradients.put("layer1", 2e-6);
    gradients.put("layer2", 1e-3);
    gradients.put("layer3", 0.05);
    return new RunFigures(label, "2 -> 4 sigmoid xavier_uniform x2 -> 3 identity xavier_uniform",
        new InitialFigures(1.2, 0.8, List.of(0.5, 0.4)), losses, losses.stream().map(loss -> 0.9).toList(),
        losses.stream().map(loss -> 0.5).toList(), stepLosses, losses.isEmpty() ? Map.of() : gradients,
        Optional.ofNullable(divergence), Duration.ofMillis(5));
  }

  @Test
  void final_figures_come_from_the_last_epoch_and_the_ratio_from_the_first() {
    RunFigures run = figures("sgd", List.of(1.1, 0.4, 0.09, 0.12, 0.05), List.of(), null);

    assertThat(run.epochs()).isEqualTo(5);
    assertThat(run.firstEpochLoss()).isEqualTo(1.1);
    assertThat(run.finalLoss()).isEqualTo(0.05);
    assertThat(run.finalAccuracy()).isEqualTo(0.9);
    assertThat(run.epochsToReach(0.1)).hasValue(3);
    assertThat(run.epochsToReach(0.01)).isEmpty();
    assertThat(run.firstLayerGradient()).isEqualTo(2e-6);
    assertThat(run.lastLayerGradient()).isEqualTo(0.05);
    assertThat(run.gradientRatio()).isEqualTo(0.05 / 2e-6);
    assertThat(run.diverged()).isFalse();
    assertThat(run.outcome()).isEqualTo("final loss 0.05000, accuracy 90.0%");
  }

  @Test
  void a_run_that_diverged_in_its_first_epoch_has_no_final_figures() {
    RunFigures run = figures("no clipping", List.of(), List.of(168.0, 271.0),
        new Divergence(1, 3, Double.NaN, 271.0));

    assertThat(run.diverged()).isTrue();
    assertThat(run.finalLoss()).isNaN();
    assertThat(run.firstEpochLoss()).isNaN();
    assertThat(run.gradientRatio()).isNaN();
    assertThat(run.outcome()).isEqualTo("diverged at epoch 1, step 3 (loss NaN after 271.0)");
  }

  @Test
  void a_result_finds_runs_by_label_and_names_the_labels_it_has() {
    ExperimentResult result = new ExperimentResult("vanishing",
        List.of(figures("sigmoid", List.of(1.1), List.of(), null), figures("relu", List.of(0.9), List.of(), null)),
        Path.of("vanishing.png"), true, "Claim held: ...");

    assertThat(result.run("relu").finalLoss()).isEqualTo(0.9);
    assertThatThrownBy(() -> result.run("tanh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Experiment 'vanishing' has no run 'tanh'; runs: [sigmoid, relu].");
  }
}
