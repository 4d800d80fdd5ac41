package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.Loss;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose optimizer, loss, activation and initializer are instances registered nowhere: trained
 * by a trainer whose catalog is empty, it repeats the run of the registered sgd, mse and tanh number
 * for number, and checkpoints and resumes like any run.
 */
class UnregisteredPluginsTest {

  /** SGD with momentum as torch (dampening 0): b = g on the first step, then b = μ·b + g; θ ← θ − lr·b. */
  private static final class MomentumSgd extends ElementwiseOptimizer {
    private final double momentum;

    MomentumSgd(double lr, double momentum) {
      super(lr, "momentum_buffer");
      this.momentum = momentum;
    }

    @Override
    protected void update(Element e) {
      double buffer = steps() == 1 ? e.gradient() : momentum * e.buffer(0) + e.gradient();
      e.setBuffer(0, buffer);
      e.set(e.value() - learningRate() * buffer);
    }
  }

  /** The mean of the squared errors over an example's elements, as torch's mse_loss. */
  private static final Loss SQUARED_ERROR = new Loss() {
    @Override
    public double value(double[] prediction, double[] target) {
      double sum = 0;
      for (int i = 0; i < prediction.length; i++) {
        double d = prediction[i] - target[i];
        sum += d * d;
      }
      return sum / prediction.length;
    }

    @Override
    public void gradient(double[] prediction, double[] target, double[] out) {
      double norm = 2.0 / prediction.length;
      for (int i = 0; i < prediction.length; i++) {
        out[i] = norm * (prediction[i] - target[i]);
      }
    }
  };

  /** tanh, with its derivative from the output. */
  private static final Activation HYPERBOLIC_TANGENT = new Activation() {
    @Override
    public double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
      return 1 - y * y;
    }
  };

  /** Weights uniform in [−0.5, 0.5). */
  private static final Initializer SMALL_UNIFORM = (weights, fanIn, fanOut, random) -> {
    for (int k = 0; k < weights.length; k++) {
      weights[k] = random.nextDouble(-0.5, 0.5);
    }
  };

  private static final Dataset DATA = TestData.regression(30, 4);
  private static final PluginCatalog EMPTY = Plugins.of(List.of());

  private static final MlpSpec REGISTERED_TANH = MlpSpec.of(2, new int[] {4}, 1, "tanh", "he_normal")
      .withInitializer("small_uniform", SMALL_UNIFORM);
  private static final MlpSpec UNREGISTERED_TANH = REGISTERED_TANH.withActivation("hyperbolic_tangent",
      HYPERBOLIC_TANGENT);

  @TempDir
  Path folder;

  private static TrainingConfig.Builder settings(int epochs) {
    return TrainingConfig.builder().task(Task.REGRESSION).epochs(epochs).batchSize(5).validationFraction(0.2)
        .seed(3).schedule(Schedule.step(2, 0.5));
  }

  /** A config of fresh instances, as every run needs its own optimizer instance. */
  private static TrainingConfig unregistered(int epochs) {
    return settings(epochs).optimizer("momentum_sgd", new MomentumSgd(0.05, 0.9))
        .loss("squared_error", SQUARED_ERROR).build();
  }

  private static TrainingConfig registered(int epochs) {
    return settings(epochs).optimizer("sgd", Hyperparameters.parse("lr=0.05,momentum=0.9")).loss("mse").build();
  }

  private static Mlp model(MlpSpec spec, PluginCatalog catalog) {
    return Mlp.of(spec, catalog, new SplittableRandom(9));
  }

  private static double[] parameterValues(Mlp model) {
    return model.namedParameters().stream().mapToDouble(p -> p.value().data()).toArray();
  }

  @Test
  void instances_train_with_an_empty_catalog_exactly_as_their_registered_twins() {
    Mlp mine = model(UNREGISTERED_TANH, EMPTY);
    Mlp theirs = model(REGISTERED_TANH, Plugins.load());

    TrainingResult unregisteredRun = new Trainer(EMPTY).fit(mine, DATA, unregistered(4));
    TrainingResult registeredRun = new Trainer(Plugins.load()).fit(theirs, DATA, registered(4));

    assertThat(unregisteredRun.trainLosses()).containsExactlyElementsOf(registeredRun.trainLosses());
    assertThat(unregisteredRun.validationLosses()).containsExactlyElementsOf(registeredRun.validationLosses());
    assertThat(parameterValues(mine)).containsExactly(parameterValues(theirs));
    assertThat(unregisteredRun.trainLosses().get(3)).as("it learns").isLessThan(unregisteredRun.trainLosses().get(0));
    assertThat(new Trainer(EMPTY).evaluate(mine, DATA, unregistered(4)).loss())
        .isEqualTo(new Trainer(Plugins.load()).evaluate(theirs, DATA, registered(4)).loss());
  }

  @Test
  void the_checkpoint_names_the_instances_and_a_run_resumed_with_fresh_ones_continues_exactly() throws IOException {
    Path checkpoint = folder.resolve("run.ckpt");
    Trainer trainer = new Trainer(EMPTY);
    Mlp uninterrupted = model(UNREGISTERED_TANH, EMPTY);
    TrainingResult whole = trainer.fit(uninterrupted, DATA, unregistered(4));

    TrainingResult before = trainer.fit(model(UNREGISTERED_TANH, EMPTY), DATA, unregistered(4),
        RunOptions.none().withCheckpoint(checkpoint).withStopAfterEpoch(2));
    Mlp resumed = Mlp.of(UNREGISTERED_TANH, EMPTY, new SplittableRandom(77));
    TrainingResult after = trainer.resume(resumed, DATA, unregistered(4), checkpoint, RunOptions.none());

    assertThat(Files.readAllLines(checkpoint)).contains(
        "architecture 2 -> 4 hyperbolic_tangent small_uniform -> 1 identity small_uniform",
        "optimizer momentum_sgd", "optimizer_hyperparameters", "loss squared_error", "loss_hyperparameters");
    List<Double> joined = new ArrayList<>(before.trainLosses());
    joined.addAll(after.trainLosses());
    assertThat(joined).containsExactlyElementsOf(whole.trainLosses());
    assertThat(parameterValues(resumed)).containsExactly(parameterValues(uninterrupted));
  }

  @Test
  void resuming_a_run_of_instances_with_the_registered_twin_names_both() {
    Path checkpoint = folder.resolve("run.ckpt");
    new Trainer(EMPTY).fit(model(UNREGISTERED_TANH, EMPTY), DATA, unregistered(4),
        RunOptions.none().withCheckpoint(checkpoint).withStopAfterEpoch(2));
    TrainingConfig registeredOptimizer = registered(4).toBuilder().loss("squared_error", SQUARED_ERROR).build();

    assertThatThrownBy(() -> new Trainer(Plugins.load()).resume(model(UNREGISTERED_TANH, EMPTY), DATA,
        registeredOptimizer, checkpoint, RunOptions.none()))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("Checkpoint " + checkpoint + " was saved with a different optimizer: checkpoint momentum_sgd(),"
            + " this run sgd(lr=0.05,momentum=0.9,dampening=0.0,nesterov=false,weight_decay=0.0). Resume with the same"
            + " optimizer, or start afresh without resuming.");
  }

  @Test
  void an_optimizer_instance_serves_one_run_and_a_second_is_refused() {
    TrainingConfig config = unregistered(2);
    Trainer trainer = new Trainer(EMPTY);
    trainer.fit(model(UNREGISTERED_TANH, EMPTY), DATA, config);

    assertThatThrownBy(() -> trainer.fit(model(UNREGISTERED_TANH, EMPTY), DATA, config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Optimizer 'momentum_sgd' was given as an instance that has taken steps already (its state holds"
            + " [step, momentum_buffer]); an optimizer instance serves one run. Build each run's config with a fresh"
            + " instance, or name a registered optimizer so that every run makes its own.");
    assertThat(trainer.evaluate(model(UNREGISTERED_TANH, EMPTY), DATA, config).loss())
        .as("evaluating needs only the loss").isFinite();
  }

  @Test
  void a_registered_optimizer_is_made_afresh_for_every_run_of_the_same_config() {
    TrainingConfig config = registered(2);
    Trainer trainer = new Trainer(Plugins.load());

    TrainingResult first = trainer.fit(model(REGISTERED_TANH, Plugins.load()), DATA, config);
    TrainingResult second = trainer.fit(model(REGISTERED_TANH, Plugins.load()), DATA, config);

    assertThat(second.trainLosses()).containsExactlyElementsOf(first.trainLosses());
  }
}
