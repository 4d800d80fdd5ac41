package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Early stopping watches the validation loss, stops after its patience runs out and keeps the best epoch. */
class EarlyStoppingTest {

  private static final Plugins PLUGINS = Plugins.load();
  private final Trainer trainer = new Trainer(PLUGINS);

  @TempDir
  Path folder;

  /** A wide net on 60 noisy blobs at a high learning rate: the validation loss bottoms out early and rises. */
  private static TrainingConfig.Builder overfitting() {
    return TrainingConfig.builder().optimizer("adam", Hyperparameters.parse("lr=0.05")).loss("cross_entropy")
        .task(Task.CLASSIFICATION).epochs(40).batchSize(8).validationFraction(0.3).seed(5);
  }

  private static Mlp model() {
    return Mlp.of(MlpSpec.of(2, new int[] {64, 64}, 3, "relu", "he_normal"), PLUGINS, new SplittableRandom(9));
  }

  private static Dataset data() {
    return TestData.blobs(60, 4);
  }

  /** Returns the epoch of the lowest validation loss of a run without early stopping, the first on ties. */
  private static int lowest(List<Double> losses) {
    int best = 0;
    for (int e = 1; e < losses.size(); e++) {
      if (losses.get(e) < losses.get(best)) {
        best = e;
      }
    }
    return best + 1;
  }

  private static double[][] outputs(Mlp model, Dataset data) {
    Value[][] values = model.forward(data.features());
    double[][] numbers = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      numbers[r] = TrainingRun.numbers(values[r]);
    }
    return numbers;
  }

  @Test
  void it_stops_after_patience_epochs_without_improvement_and_names_the_best_epoch() {
    List<Double> full = trainer.fit(model(), data(), overfitting().build()).validationLosses();
    int patience = 3;
    // the first epoch after which `patience` epochs in a row fail to go below the best so far
    int best = 1;
    int stop = full.size();
    for (int e = 2; e <= full.size(); e++) {
      if (full.get(e - 1) < full.get(best - 1)) {
        best = e;
      } else if (e - best >= patience) {
        stop = e;
        break;
      }
    }
    assertThat(stop).as("the run must overfit within its epochs for this test to mean anything")
        .isLessThan(full.size());

    TrainingResult result = trainer.fit(model(), data(), overfitting().earlyStopping(patience).build());

    assertThat(result.stoppedEarly()).isTrue();
    assertThat(result.epochs()).hasSize(stop);
    assertThat(result.bestEpoch()).isEqualTo(best).isEqualTo(lowest(full.subList(0, stop)));
    assertThat(result.validationLosses()).containsExactlyElementsOf(full.subList(0, stop));
  }

  @Test
  void the_model_ends_with_the_best_epochs_weights_and_the_checkpoint_keeps_them() {
    Path checkpoint = folder.resolve("checkpoint.txt");
    Mlp stopped = model();
    TrainingResult result = trainer.fit(stopped, data(), overfitting().earlyStopping(3).build(),
        RunOptions.none().withCheckpoint(checkpoint));
    assertThat(result.bestEpoch()).isLessThan(result.last().epoch());

    Mlp bestOnly = model();
    trainer.fit(bestOnly, data(), overfitting().epochs(result.bestEpoch()).build());

    assertThat(outputs(stopped, data())).isDeepEqualTo(outputs(bestOnly, data()));
    Checkpoint saved = Checkpoint.read(checkpoint);
    assertThat(saved.epoch()).isEqualTo(result.bestEpoch());
    List<Double> kept = new ArrayList<>(saved.parameters().values());
    assertThat(kept).containsExactlyElementsOf(bestOnly.parameters().stream().map(Value::data).toList());
    Predictor predictor = Predictor.load(checkpoint, PLUGINS);
    assertThat(predictor.outputs(data().features())).isDeepEqualTo(outputs(bestOnly, data()));
  }

  @Test
  void a_run_resumed_after_epochs_without_improvement_remembers_the_best_epoch_and_ends_as_if_never_stopped()
      throws java.io.IOException {
    Mlp whole = model();
    TrainingResult uninterrupted = trainer.fit(whole, data(), overfitting().earlyStopping(3).build());
    int best = uninterrupted.bestEpoch();
    assertThat(uninterrupted.last().epoch()).isEqualTo(best + 3);

    Path checkpoint = folder.resolve("checkpoint.txt");
    trainer.fit(model(), data(), overfitting().earlyStopping(3).build(),
        RunOptions.none().withCheckpoint(checkpoint).withStopAfterEpoch(best + 1));
    Checkpoint midway = Checkpoint.read(checkpoint);
    assertThat(midway.epoch()).isEqualTo(best + 1);
    assertThat(midway.bestEpoch()).isEqualTo(best);
    assertThat(java.nio.file.Files.readString(checkpoint)).contains("\nbest_epoch " + best + "\n")
        .contains("\nbest_param layer1.weight[0][0] ");
    Mlp resumed = model();
    TrainingResult rest = trainer.resume(resumed, data(), overfitting().earlyStopping(3).build(), checkpoint,
        RunOptions.none().withCheckpoint(checkpoint));

    assertThat(rest.bestEpoch()).isEqualTo(best);
    assertThat(rest.stoppedEarly()).isTrue();
    assertThat(rest.last().epoch()).isEqualTo(best + 3);
    assertThat(outputs(resumed, data())).isDeepEqualTo(outputs(whole, data()));
    assertThat(Predictor.load(checkpoint, PLUGINS).outputs(data().features())).isDeepEqualTo(outputs(whole, data()));
  }

  @Test
  void a_checkpoint_of_the_best_epoch_resumes_to_the_same_stop() {
    Mlp whole = model();
    TrainingResult uninterrupted = trainer.fit(whole, data(), overfitting().earlyStopping(3).build());
    Path checkpoint = folder.resolve("checkpoint.txt");
    trainer.fit(model(), data(), overfitting().earlyStopping(3).build(),
        RunOptions.none().withCheckpoint(checkpoint).withStopAfterEpoch(uninterrupted.bestEpoch()));

    Mlp resumed = model();
    TrainingResult rest = trainer.resume(resumed, data(), overfitting().earlyStopping(3).build(), checkpoint,
        RunOptions.none().withCheckpoint(checkpoint));

    assertThat(rest.bestEpoch()).isEqualTo(uninterrupted.bestEpoch());
    assertThat(rest.last().epoch()).isEqualTo(uninterrupted.last().epoch());
    assertThat(outputs(resumed, data())).isDeepEqualTo(outputs(whole, data()));
    assertThat(Checkpoint.read(checkpoint).epoch()).isEqualTo(uninterrupted.bestEpoch());
  }

  @Test
  void a_run_whose_last_epoch_is_its_best_keeps_its_last_weights() {
    TrainingConfig calm = TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=0.01"))
        .loss("cross_entropy").task(Task.CLASSIFICATION).epochs(4).batchSize(8).validationFraction(0.3).seed(5)
        .earlyStopping(2).build();

    TrainingResult result = trainer.fit(model(), data(), calm);

    assertThat(result.stoppedEarly()).isFalse();
    assertThat(result.epochs()).hasSize(4);
    assertThat(result.bestEpoch()).isEqualTo(lowest(result.validationLosses()));
  }

  @Test
  void early_stopping_needs_a_validation_split_and_a_positive_patience() {
    assertThatThrownBy(() -> overfitting().validationFraction(0).earlyStopping(2).build())
        .hasMessage("early stopping watches the validation loss, so it needs a validation fraction > 0, was 0");
    assertThatThrownBy(() -> overfitting().earlyStopping(-1).build())
        .hasMessage("early-stopping patience must be >= 1, or 0 for none, was -1");
  }
}
