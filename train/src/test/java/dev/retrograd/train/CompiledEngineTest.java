package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled engine trains an Mlp (batch normalization and residual layers included) to the same
 * numbers as the eager engine, bit for bit, on one thread; on several threads it is deterministic.
 */
class CompiledEngineTest {

  private static final Plugins PLUGINS = Plugins.load();

  @TempDir
  Path folder;
  private static final Dataset BLOBS = TestData.blobs(70, 3);   // 56 training rows: batches of 16, 16, 16, 8
  private static final MlpSpec SPEC = MlpSpec.of(2, new int[] {6, 6}, 3, "relu", "he_normal")
      .withBatchNorm().withResidual();

  private static TrainingConfig config(Engine engine, int threads) {
    return TrainingConfig.builder().optimizer("adam", Hyperparameters.parse("lr=0.05")).loss("cross_entropy")
        .task(Task.CLASSIFICATION).epochs(4).batchSize(16).validationFraction(0.2).l2(1e-3)
        .engine(engine).threads(threads).build();
  }

  private record Run(List<EpochMetrics> epochs, double[] parameters, Map<String, double[]> buffers, Scores test) {}

  private static Run train(MlpSpec spec, Engine engine, int threads) {
    Mlp model = Mlp.of(spec, PLUGINS, new SplittableRandom(11));
    Trainer trainer = new Trainer(PLUGINS);
    TrainingResult result = trainer.fit(model, BLOBS, config(engine, threads));
    double[] parameters = model.parameters().stream().mapToDouble(p -> p.data()).toArray();
    return new Run(result.epochs(), parameters, model.buffers(), trainer.evaluate(model, BLOBS, config(engine, 1)));
  }

  @Test
  void compiled_and_eager_training_give_identical_losses_parameters_and_running_statistics() {
    Run eager = train(SPEC, Engine.EAGER, 1);
    Run compiled = train(SPEC, Engine.COMPILED, 1);

    for (int e = 0; e < eager.epochs().size(); e++) {
      EpochMetrics expected = eager.epochs().get(e);
      EpochMetrics actual = compiled.epochs().get(e);
      assertThat(actual.trainLoss()).as("train loss of epoch %d", e + 1).isEqualTo(expected.trainLoss());
      assertThat(actual.validationLoss()).as("validation loss of epoch %d", e + 1).isEqualTo(expected.validationLoss());
      assertThat(actual.gradientNorm()).isEqualTo(expected.gradientNorm());
    }
    assertThat(compiled.parameters()).containsExactly(eager.parameters());
    assertThat(compiled.buffers().keySet()).containsExactly("layer1.bn.running_mean", "layer1.bn.running_var",
        "layer2.bn.running_mean", "layer2.bn.running_var");
    for (String name : eager.buffers().keySet()) {
      assertThat(compiled.buffers().get(name)).as(name).containsExactly(eager.buffers().get(name));
    }
    assertThat(compiled.test().loss()).isEqualTo(eager.test().loss());
  }

  @Test
  void two_threads_give_the_same_run_every_time_and_the_one_thread_run_up_to_rounding() {
    MlpSpec plain = MlpSpec.of(2, new int[] {6, 6}, 3, "tanh", "xavier_uniform");
    Run first = train(plain, Engine.COMPILED, 2);
    Run second = train(plain, Engine.COMPILED, 2);
    Run eager = train(plain, Engine.EAGER, 1);

    assertThat(second.parameters()).containsExactly(first.parameters());
    for (int e = 0; e < first.epochs().size(); e++) {
      assertThat(second.epochs().get(e).trainLoss()).isEqualTo(first.epochs().get(e).trainLoss());
      assertThat(first.epochs().get(e).trainLoss()).isCloseTo(eager.epochs().get(e).trainLoss(), within(1e-12));
    }
    for (int i = 0; i < first.parameters().length; i++) {
      assertThat(first.parameters()[i]).isCloseTo(eager.parameters()[i], within(1e-12));
    }
  }

  @Test
  void a_run_on_two_threads_resumed_from_a_checkpoint_ends_exactly_as_the_uninterrupted_run() {
    MlpSpec plain = MlpSpec.of(2, new int[] {6, 6}, 3, "tanh", "xavier_uniform");
    Run uninterrupted = train(plain, Engine.COMPILED, 2);
    Path checkpoint = folder.resolve("run.ckpt");
    Trainer trainer = new Trainer(PLUGINS);
    trainer.fit(Mlp.of(plain, PLUGINS, new SplittableRandom(11)), BLOBS, config(Engine.COMPILED, 2),
        RunOptions.none().withCheckpoint(checkpoint).withStopAfterEpoch(2));

    Mlp resumed = Mlp.of(plain, PLUGINS, new SplittableRandom(99));
    trainer.resume(resumed, BLOBS, config(Engine.COMPILED, 2), checkpoint, RunOptions.none());

    assertThat(resumed.parameters().stream().mapToDouble(p -> p.data()).toArray())
        .containsExactly(uninterrupted.parameters());
  }

  @Test
  void a_compiled_run_on_two_threads_that_explodes_stops_as_the_eager_run_does() {
    MlpSpec plain = MlpSpec.of(2, new int[] {6}, 3, "relu", "he_normal");
    for (int threads : new int[] {1, 2}) {
      TrainingConfig config = config(Engine.COMPILED, threads).toBuilder()
          .optimizer("sgd", Hyperparameters.parse("lr=1e12")).l2(0).build();
      TrainingConfig eager = config.toBuilder().engine(Engine.EAGER).threads(1).build();
      Throwable expected = org.assertj.core.api.Assertions.catchThrowable(() -> new Trainer(PLUGINS)
          .fit(Mlp.of(plain, PLUGINS, new SplittableRandom(11)), BLOBS, eager));

      assertThatThrownBy(() -> new Trainer(PLUGINS).fit(Mlp.of(plain, PLUGINS, new SplittableRandom(11)), BLOBS, config))
          .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
            TrainingDivergedException reference = (TrainingDivergedException) expected;
            assertThat(e.epoch()).isEqualTo(reference.epoch());
            assertThat(e.step()).isEqualTo(reference.step());
          });
    }
  }
}
