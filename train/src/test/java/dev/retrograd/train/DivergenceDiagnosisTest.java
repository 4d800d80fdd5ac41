package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.nn.NamedParameter;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.TrainingDivergedException.Source;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A loss that becomes NaN or infinite is blamed on what made the first value that is not finite. */
class DivergenceDiagnosisTest {

  private static final Plugins PLUGINS = Plugins.load();
  private final Trainer trainer = new Trainer(PLUGINS);

  /** log(x): NaN for x &lt; 0, the kind of activation plugin that breaks a run. */
  private static final Activation LOG = new Activation() {
    @Override
    public double apply(double x) {
      return Math.log(x);
    }

    @Override
    public double derivative(double x, double y) {
      return 1 / x;
    }
  };

  private static TrainingConfig sgd(double lr, Task task, String loss) {
    return TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=" + lr)).loss(loss).task(task)
        .epochs(3).batchSize(8).build();
  }

  private static Mlp mlp(MlpSpec spec) {
    return Mlp.of(spec, PLUGINS, new SplittableRandom(5));
  }

  private static TrainingDivergedException diverged(Runnable run) {
    try {
      run.run();
    } catch (TrainingDivergedException e) {
      return e;
    }
    throw new AssertionError("the run did not diverge");
  }

  @Test
  void a_nan_input_is_named_by_its_feature_and_not_blamed_on_the_learning_rate() {
    Dataset data = TestData.regression(16, 1);
    data.features()[3][1] = Double.NaN;
    Mlp model = mlp(MlpSpec.of(2, new int[] {4}, 1, "tanh", "he_normal"));

    TrainingDivergedException e = diverged(() -> trainer.fit(model, data, sgd(0.01, Task.REGRESSION, "mse")));

    assertThat(e.source()).isEqualTo(Source.INPUT);
    assertThat(e).hasMessage("Loss became NaN at epoch 1, step 2 (lr 0.01): input 'x1' of an example is NaN, so the"
        + " data hold a value that is not finite. No checkpoint was written before it.");
  }

  @Test
  void an_activation_plugin_that_makes_nan_is_named_with_its_layer() {
    Mlp model = mlp(MlpSpec.of(2, new int[] {4}, 1, "tanh", "he_normal").withActivation("logarithm", LOG));

    TrainingDivergedException e = diverged(
        () -> trainer.fit(model, TestData.regression(16, 1), sgd(0.01, Task.REGRESSION, "mse")));

    assertThat(e.source()).isEqualTo(Source.OPERATION);
    assertThat(e.diagnosis()).isEqualTo("layer1 (4 logarithm he_normal) made the first value that is not finite:"
        + " op 'neuron' produced NaN from finite inputs");
    assertThat(e.getMessage()).doesNotContain("--");
  }

  @Test
  void a_parameter_an_earlier_update_ruined_is_named() {
    Mlp model = mlp(MlpSpec.of(2, new int[] {4}, 1, "tanh", "he_normal"));
    NamedParameter bias = model.namedParameters().get(model.namedParameters().size() - 1);
    bias.value().setData(Double.POSITIVE_INFINITY);

    TrainingDivergedException e = diverged(
        () -> trainer.fit(model, TestData.regression(16, 1), sgd(0.01, Task.REGRESSION, "mse")));

    assertThat(e.source()).isEqualTo(Source.PARAMETER);
    assertThat(e.diagnosis()).isEqualTo("parameter layer2.bias[0] was already Infinity before this step, so an"
        + " earlier update overflowed it; the learning rate may be too high");
  }

  @Test
  void predictions_grown_too_large_for_the_loss_are_named_with_the_loss() {
    Mlp model = mlp(MlpSpec.of(2, new int[] {4}, 1, "tanh", "he_normal"));
    NamedParameter bias = model.namedParameters().get(model.namedParameters().size() - 1);
    bias.value().setData(1e200);

    TrainingDivergedException e = diverged(
        () -> trainer.fit(model, TestData.regression(16, 1), sgd(0.01, Task.REGRESSION, "mse")));

    assertThat(e.source()).isEqualTo(Source.LOSS);
    assertThat(e.diagnosis()).startsWith("the loss 'mse' made the first value that is not finite (op 'loss'"
        + " produced Infinity from finite inputs), with predictions as large as 1.00e+200;");
  }

  @Test
  void the_diagnosis_leaves_anomaly_detection_as_it_was() {
    Mlp model = mlp(MlpSpec.of(2, new int[] {4}, 1, "tanh", "he_normal").withActivation("logarithm", LOG));

    diverged(() -> trainer.fit(model, TestData.regression(16, 1), sgd(0.01, Task.REGRESSION, "mse")));

    assertThat(Value.anomalyDetection()).isFalse();
  }

  @Test
  void the_library_message_names_no_command_line_flag() {
    TrainingConfig config = sgd(1e10, Task.REGRESSION, "mse").toBuilder().epochs(8).batchSize(5).build();

    assertThatThrownBy(() -> trainer.fit(new TinyModel(2, 0, 1, 5), TestData.regression(40, 3), config))
        .isInstanceOf(TrainingDivergedException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("--"));
  }

  @Test
  void a_nan_target_is_named_as_a_target() {
    Dataset data = TestData.line(new double[] {1, 2}, new double[] {2, Double.NaN});

    TrainingDivergedException e = diverged(() -> trainer.fit(new TinyModel(1, 0, 1, 0), data,
        sgd(0.1, Task.REGRESSION, "mse")));

    assertThat(e.source()).isEqualTo(Source.TARGET);
    assertThat(e.diagnosis()).isEqualTo("the target of an example is NaN, so the data hold a value that is not finite");
    assertThat(List.of(e.epoch(), e.step())).containsExactly(1, 1);
  }
}
