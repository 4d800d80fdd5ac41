package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.data.TargetEncoding;
import dev.retrograd.data.Task;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

  private final TrainingConfig defaults = TrainingConfig.of("sgd", "mse", Task.REGRESSION);

  @Test
  void defaults_are_a_plain_run() {
    assertThat(defaults).isEqualTo(new TrainingConfig("sgd", Hyperparameters.empty(), "mse", Hyperparameters.empty(),
        0, 10, 32, Schedule.constant(), Clipping.none(), 0, 42, Task.REGRESSION, TargetEncoding.ONE_HOT));
    assertThat(defaults.describe()).isEqualTo("sgd() on mse(), 10 epochs of batches of 32, schedule constant,"
        + " clipping none, l2 0.0, validation 0.0, seed 42, regression");
  }

  @Test
  void withers_change_one_field() {
    TrainingConfig config = defaults.withOptimizer("adam", Hyperparameters.parse("lr=0.01")).withEpochs(3)
        .withBatchSize(8).withSchedule(Schedule.cosine()).withClipping(Clipping.byNorm(1)).withL2(0.001)
        .withValidationFraction(0.2).withSeed(7).withTask(Task.CLASSIFICATION)
        .withLoss("cross_entropy", Hyperparameters.empty());
    assertThat(config).isEqualTo(new TrainingConfig("adam", Hyperparameters.parse("lr=0.01"), "cross_entropy",
        Hyperparameters.empty(), 0.001, 3, 8, Schedule.cosine(), Clipping.byNorm(1), 0.2, 7, Task.CLASSIFICATION, TargetEncoding.ONE_HOT));
  }

  @Test
  void out_of_range_fields_are_named_with_their_value() {
    assertThatThrownBy(() -> defaults.withEpochs(0)).hasMessage("epochs must be >= 1, was 0");
    assertThatThrownBy(() -> defaults.withBatchSize(-2)).hasMessage("batch size must be >= 1, was -2");
    assertThatThrownBy(() -> defaults.withL2(-0.1)).hasMessage("l2 must be finite and >= 0, was -0.1");
    assertThatThrownBy(() -> defaults.withL2(Double.NaN)).hasMessage("l2 must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> defaults.withValidationFraction(1))
        .hasMessage("validation fraction must be in [0, 1), was 1.0");
    assertThatThrownBy(() -> defaults.withOptimizer(" ", Hyperparameters.empty()))
        .hasMessage("optimizer must be a plugin name, such as sgd, was ' '");
    assertThatThrownBy(() -> defaults.withLoss(null, Hyperparameters.empty()))
        .hasMessage("loss must be a plugin name, such as mse, was null");
  }

  @Test
  void schedule_must_fit_the_epochs() {
    assertThatThrownBy(() -> defaults.withEpochs(3).withSchedule(Schedule.warmupCosine(3)))
        .hasMessage("warmup_cosine schedule's warmup (3) must be fewer than the epochs (3), leaving epochs for the"
            + " cosine part");
  }
}
