package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.TargetEncoding;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Model;
import dev.retrograd.nn.NamedParameter;
import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  private final Trainer trainer = new Trainer(Plugins.load());

  @TempDir
  Path folder;

  /** y = 0.5·x + 0 against targets 2 and 3 at x = 1 and 2, one batch of both rows. */
  private static TinyModel halfSlope() {
    TinyModel model = new TinyModel(1, 0, 1, 0);
    model.namedParameters().get(0).value().setData(0.5);
    return model;
  }

  private static final Dataset TWO_POINTS = TestData.line(new double[] {1, 2}, new double[] {2, 3});

  private static TrainingConfig.Builder oneStepBuilder() {
    return TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=0.1")).loss("mse").task(Task.REGRESSION)
        .epochs(1).batchSize(2);
  }

  private static TrainingConfig oneStep() {
    return oneStepBuilder().build();
  }

  private static double[] parameterValues(Model model) {
    return model.namedParameters().stream().mapToDouble(p -> p.value().data()).toArray();
  }

  @Test
  void one_step_of_sgd_on_a_linear_model_matches_hand_computation() {
    TinyModel model = halfSlope();

    EpochMetrics metrics = trainer.fit(model, TWO_POINTS, oneStep()).last();

    // predictions 0.5, 1.0; errors -1.5, -2; L = (2.25 + 4)/2; dL/dw = (-1.5·1 - 2·2) = -5.5; dL/db = -3.5
    assertThat(metrics.trainLoss()).isEqualTo(3.125);
    assertThat(parameterValues(model)).containsExactly(1.05, 0.35000000000000003);
    assertThat(metrics.gradientNorm()).isEqualTo(Math.sqrt(42.5));
    assertThat(metrics.meanAbsGradientByLayer()).containsExactly(org.assertj.core.api.Assertions.entry("layer1", 4.5));
    assertThat(metrics.train().mse()).isEqualTo(3.125);
    assertThat(metrics.train().r2()).isEqualTo(1 - 6.25 / 0.5);
    assertThat(metrics.learningRate()).isEqualTo(0.1);
    assertThat(metrics.validation()).isEqualTo(Scores.NONE);
    assertThat(model.isTraining()).as("left in evaluation mode").isFalse();
  }

  @Test
  void l2_adds_lambda_times_the_sum_of_squares_to_the_loss_and_two_lambda_theta_to_the_gradient() {
    TinyModel model = halfSlope();

    EpochMetrics metrics = trainer.fit(model, TWO_POINTS, oneStepBuilder().l2(0.1).build()).last();

    assertThat(metrics.trainLoss()).isCloseTo(3.125 + 0.1 * 0.25, within(1e-15));
    assertThat(metrics.gradientNorm()).isCloseTo(Math.sqrt(5.4 * 5.4 + 3.5 * 3.5), within(1e-14));
    assertThat(parameterValues(model)[0]).isCloseTo(0.5 + 0.1 * 5.4, within(1e-15));
  }

  @Test
  void norm_clipping_rescales_the_gradients_before_the_update_and_the_metric_reports_the_norm_before() {
    TinyModel model = halfSlope();

    EpochMetrics metrics = trainer.fit(model, TWO_POINTS, oneStepBuilder().clipping(Clipping.byNorm(1)).build()).last();

    double coefficient = 1 / (Math.sqrt(42.5) + 1e-6);
    assertThat(parameterValues(model))
        .containsExactly(0.5 - 0.1 * (-5.5 * coefficient), 0 - 0.1 * (-3.5 * coefficient));
    assertThat(metrics.gradientNorm()).isEqualTo(Math.sqrt(42.5));
  }

  @Test
  void value_clipping_clamps_each_gradient_before_the_update() {
    TinyModel model = halfSlope();

    trainer.fit(model, TWO_POINTS, oneStepBuilder().clipping(Clipping.byValue(2)).build());

    assertThat(parameterValues(model)).containsExactly(0.5 + 0.1 * 2, 0 + 0.1 * 2);
  }

  private static TrainingConfig.Builder regressionRunBuilder(int epochs) {
    return TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=0.05,momentum=0.9")).loss("mse")
        .task(Task.REGRESSION).epochs(epochs).batchSize(6).validationFraction(0.2).seed(11)
        .schedule(Schedule.step(2, 0.5)).clipping(Clipping.byNorm(1.0));
  }

  private static TrainingConfig regressionRun(int epochs) {
    return regressionRunBuilder(epochs).build();
  }

  @Test
  void same_seed_gives_the_same_run_number_for_number() {
    Dataset data = TestData.regression(40, 3);
    TinyModel first = new TinyModel(2, 4, 1, 5);
    TinyModel second = new TinyModel(2, 4, 1, 5);

    TrainingResult a = trainer.fit(first, data, regressionRun(4));
    TrainingResult b = trainer.fit(second, data, regressionRun(4));

    assertThat(b.trainLosses()).containsExactlyElementsOf(a.trainLosses());
    assertThat(b.validationLosses()).containsExactlyElementsOf(a.validationLosses());
    for (int e = 0; e < 4; e++) {
      EpochMetrics x = a.epochs().get(e);
      EpochMetrics y = b.epochs().get(e);
      assertThat(y.train()).isEqualTo(x.train());
      assertThat(y.validation()).isEqualTo(x.validation());
      assertThat(y.gradientNorm()).isEqualTo(x.gradientNorm());
      assertThat(y.meanAbsGradientByLayer()).isEqualTo(x.meanAbsGradientByLayer());
    }
    assertThat(parameterValues(second)).containsExactly(parameterValues(first));
    assertThat(a.trainLosses().get(3)).as("it learns").isLessThan(a.trainLosses().get(0));
  }

  @Test
  void a_different_seed_shuffles_differently() {
    Dataset data = TestData.regression(40, 3);
    TrainingResult a = trainer.fit(new TinyModel(2, 4, 1, 5), data, regressionRun(2));
    TrainingResult b = trainer.fit(new TinyModel(2, 4, 1, 5), data, regressionRunBuilder(2).seed(12).build());
    assertThat(b.trainLosses()).doesNotContainAnyElementsOf(a.trainLosses());
  }

  @Test
  void run_stopped_after_epoch_three_and_resumed_repeats_the_uninterrupted_run_exactly() {
    Dataset data = TestData.regression(40, 3);
    Path checkpoint = folder.resolve("run.ckpt");
    TinyModel uninterrupted = new TinyModel(2, 4, 1, 5);
    TrainingResult whole = trainer.fit(uninterrupted, data, regressionRun(6));

    TrainingResult before = trainer.fit(new TinyModel(2, 4, 1, 5), data, regressionRun(3),
        RunOptions.none().withCheckpoint(checkpoint));
    TinyModel resumed = new TinyModel(2, 4, 1, 99);  // other weights: the checkpoint must replace them
    TrainingResult after = trainer.resume(resumed, data, regressionRun(6), checkpoint,
        RunOptions.none().withCheckpoint(checkpoint));

    List<Double> trainLosses = new ArrayList<>(before.trainLosses());
    trainLosses.addAll(after.trainLosses());
    List<Double> validationLosses = new ArrayList<>(before.validationLosses());
    validationLosses.addAll(after.validationLosses());
    assertThat(trainLosses).containsExactly(whole.trainLosses().toArray(Double[]::new));
    assertThat(validationLosses).containsExactly(whole.validationLosses().toArray(Double[]::new));
    assertThat(after.epochs()).extracting(EpochMetrics::epoch).containsExactly(4, 5, 6);
    assertThat(after.epochs()).extracting(EpochMetrics::learningRate)
        .containsExactly(0.05 * 0.5, 0.05 * 0.25, 0.05 * 0.25);
    assertThat(parameterValues(resumed)).containsExactly(parameterValues(uninterrupted));
    assertThat(resumed.buffers().get(TinyModel.BUFFER)).containsExactly(uninterrupted.buffers().get(TinyModel.BUFFER));
    assertThat(Checkpoint.read(checkpoint).epoch()).isEqualTo(6);
  }

  @Test
  void a_run_asked_to_stop_inside_an_epoch_drops_that_epoch_and_puts_the_model_back() {
    Dataset data = TestData.regression(40, 3);
    Path checkpoint = folder.resolve("run.ckpt");
    TinyModel through2 = new TinyModel(2, 4, 1, 5);
    TrainingResult two = trainer.fit(through2, data, regressionRun(6), RunOptions.none().withStopAfterEpoch(2));
    int[] asked = {0};
    // 32 training rows in batches of 6: 6 steps per epoch; answer yes before step 3 of epoch 3
    BooleanSupplier stopInEpoch3 = () -> ++asked[0] > 2 * 6 + 2;

    TinyModel stopped = new TinyModel(2, 4, 1, 5);
    TrainingResult result = trainer.fit(stopped, data, regressionRun(6),
        RunOptions.none().withCheckpoint(checkpoint).withStopRequest(stopInEpoch3));

    assertThat(result.stopped()).isTrue();
    assertThat(two.stopped()).as("a planned early stop is not a stop request").isFalse();
    assertThat(result.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    assertThat(result.trainLosses()).containsExactlyElementsOf(two.trainLosses());
    assertThat(parameterValues(stopped)).containsExactly(parameterValues(through2));
    assertThat(stopped.buffers().get(TinyModel.BUFFER)).containsExactly(through2.buffers().get(TinyModel.BUFFER));
    assertThat(stopped.isTraining()).isFalse();
    assertThat(Checkpoint.read(checkpoint).epoch()).isEqualTo(2);
  }

  @Test
  void a_run_stopped_and_resumed_repeats_the_uninterrupted_run_exactly() {
    Dataset data = TestData.regression(40, 3);
    Path checkpoint = folder.resolve("run.ckpt");
    TinyModel uninterrupted = new TinyModel(2, 4, 1, 5);
    TrainingResult whole = trainer.fit(uninterrupted, data, regressionRun(6));
    int[] asked = {0};

    TrainingResult before = trainer.fit(new TinyModel(2, 4, 1, 5), data, regressionRun(6),
        RunOptions.none().withCheckpoint(checkpoint).withStopRequest(() -> ++asked[0] > 3 * 6 + 5));
    TinyModel resumed = new TinyModel(2, 4, 1, 99);
    TrainingResult after = trainer.resume(resumed, data, regressionRun(6), checkpoint, RunOptions.none());

    assertThat(before.epochs()).hasSize(3);
    List<Double> trainLosses = new ArrayList<>(before.trainLosses());
    trainLosses.addAll(after.trainLosses());
    assertThat(trainLosses).containsExactlyElementsOf(whole.trainLosses());
    assertThat(parameterValues(resumed)).containsExactly(parameterValues(uninterrupted));
  }

  @Test
  void a_run_asked_to_stop_before_its_first_step_keeps_its_initial_weights() {
    TinyModel model = halfSlope();

    TrainingResult result = trainer.fit(model, TWO_POINTS, oneStep(), RunOptions.none().withStopRequest(() -> true));

    assertThat(result.stopped()).isTrue();
    assertThat(result.epochs()).isEmpty();
    assertThat(parameterValues(model)).containsExactly(0.5, 0.0);
  }

  @Test
  void a_parameter_that_overflows_after_the_last_finite_loss_is_not_checkpointed() throws IOException {
    Path checkpoint = folder.resolve("overflow.ckpt");
    // one batch per epoch: epoch 1 at lr 0.1 moves w from 0.5 to about 20; epoch 2, at lr 0.1·1e308, sends it
    // past Double.MAX_VALUE after a finite loss
    TrainingConfig config = oneStepBuilder().epochs(3).schedule(Schedule.parse("exponential:1e308")).build();
    Dataset far = TestData.line(new double[] {1, 1}, new double[] {100, 100});
    List<byte[]> written = new ArrayList<>();
    TrainingListener snapshot = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochMetrics metrics) {
        try {
          written.add(Files.readAllBytes(checkpoint));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    };

    assertThatThrownBy(() -> trainer.fit(halfSlope(), far, config,
        RunOptions.none().withCheckpoint(checkpoint).withListener(snapshot)))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("Parameter 'layer1.weight[0][0]' became Infinity in epoch 2, so that epoch's checkpoint was not"
            + " written to " + checkpoint + "; the last good checkpoint is " + checkpoint + ". Lower the learning rate"
            + " or clip the gradients.");
    assertThat(written).hasSize(1);
    assertThat(Files.readAllBytes(checkpoint)).isEqualTo(written.get(0));
    assertThat(Checkpoint.read(checkpoint).epoch()).isEqualTo(1);
  }

  private static TrainingConfig classificationRun() {
    return TrainingConfig.builder().optimizer("adam", Hyperparameters.parse("lr=0.05")).loss("cross_entropy")
        .task(Task.CLASSIFICATION).epochs(7).batchSize(4).schedule(Schedule.warmupCosine(2))
        .clipping(Clipping.byNorm(0.5)).l2(1e-3).validationFraction(0.25).seed(3)
        .build();
  }

  @Test
  void adam_run_with_warmup_cosine_interrupted_after_epoch_three_resumes_exactly() {
    Dataset data = TestData.blobs(30, 8);
    Path checkpoint = folder.resolve("sub/adam.ckpt");
    TinyModel uninterrupted = new TinyModel(2, 5, 3, 1);
    TrainingResult whole = trainer.fit(uninterrupted, data, classificationRun());

    TrainingResult before = trainer.fit(new TinyModel(2, 5, 3, 1), data, classificationRun(),
        RunOptions.none().withCheckpoint(checkpoint).withStopAfterEpoch(3));
    TinyModel resumed = new TinyModel(2, 5, 3, 2);
    TrainingResult after = trainer.resume(resumed, data, classificationRun(), checkpoint, RunOptions.none());

    assertThat(before.epochs()).hasSize(3);
    List<EpochMetrics> joined = new ArrayList<>(before.epochs());
    joined.addAll(after.epochs());
    assertThat(joined).extracting(EpochMetrics::trainLoss)
        .containsExactly(whole.trainLosses().toArray(Double[]::new));
    assertThat(joined).extracting(m -> m.validation().accuracy())
        .containsExactly(whole.epochs().stream().map(m -> m.validation().accuracy()).toArray(Double[]::new));
    assertThat(joined).extracting(EpochMetrics::learningRate)
        .containsExactly(whole.epochs().stream().map(EpochMetrics::learningRate).toArray(Double[]::new));
    assertThat(parameterValues(resumed)).containsExactly(parameterValues(uninterrupted));
    assertThat(whole.last().train().accuracy()).as("it learns the blobs").isGreaterThan(0.8);
  }

  @Test
  void validation_split_holds_out_the_ceiling_of_fraction_times_n_once_for_the_whole_run() {
    List<TrainingPlan> plans = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onStart(TrainingPlan plan) {
        plans.add(plan);
      }
    };
    TrainingConfig config = regressionRunBuilder(2).validationFraction(0.25).batchSize(3).build();

    trainer.fit(new TinyModel(2, 4, 1, 5), TestData.regression(10, 1), config,
        RunOptions.none().withListener(listener));

    TrainingPlan plan = plans.get(0);
    assertThat(plan.trainingExamples()).isEqualTo(7);
    assertThat(plan.validationExamples()).isEqualTo(3);
    assertThat(plan.stepsPerEpoch()).isEqualTo(3);
    assertThat(plan.totalSteps()).isEqualTo(6);
  }

  @Test
  void validation_split_is_seeded_disjoint_and_complete() {
    Dataset data = TestData.regression(10, 1);
    ValidationSplit split = ValidationSplit.draw(data, TargetEncoding.ONE_HOT, 0.25, new SplitMix64(4));
    ValidationSplit again = ValidationSplit.draw(data, TargetEncoding.ONE_HOT, 0.25, new SplitMix64(4));

    assertThat(split.validation().inputs()).isDeepEqualTo(again.validation().inputs());
    assertThat(split.validation().size()).isEqualTo(3);
    List<double[]> all = new ArrayList<>(List.of(split.training().inputs()));
    all.addAll(List.of(split.validation().inputs()));
    assertThat(all).containsExactlyInAnyOrder(data.features());
    assertThat(ValidationSplit.draw(data, TargetEncoding.ONE_HOT, 0, new SplitMix64(4)).validation().size()).isZero();
  }

  @Test
  void a_split_that_leaves_nothing_to_train_on_is_refused() {
    assertThatThrownBy(() -> trainer.fit(new TinyModel(2, 4, 1, 5), TestData.regression(10, 1),
        regressionRunBuilder(2).validationFraction(0.95).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A validation fraction of 0.95 holds out 10 of 10 examples, leaving none to train on;"
            + " lower the fraction or add examples.");
  }

  @Test
  void listeners_hear_the_start_every_step_every_epoch_and_the_end() {
    List<String> heard = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onStart(TrainingPlan plan) {
        heard.add("start " + plan.firstEpoch() + ".." + plan.lastEpoch());
      }

      @Override
      public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
        heard.add(epoch + "." + step + "/" + stepsPerEpoch);
      }

      @Override
      public void onEpochEnd(EpochMetrics metrics) {
        heard.add("epoch " + metrics.epoch());
      }

      @Override
      public void onEnd(TrainingResult result) {
        heard.add("end " + result.epochs().size());
      }
    };
    TrainingConfig config = regressionRunBuilder(2).validationFraction(0).batchSize(4).build();

    trainer.fit(new TinyModel(2, 4, 1, 5), TestData.regression(10, 1), config,
        RunOptions.none().withListener(listener));

    assertThat(heard).containsExactly("start 1..2", "1.1/3", "1.2/3", "1.3/3", "epoch 1", "2.1/3", "2.2/3", "2.3/3",
        "epoch 2", "end 2");
  }

  @Test
  void an_exploding_loss_stops_the_run_naming_epoch_and_step_and_keeps_the_last_good_checkpoint() throws IOException {
    Path checkpoint = folder.resolve("exploding.ckpt");
    List<byte[]> written = new ArrayList<>();
    TrainingListener snapshot = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochMetrics metrics) {
        try {
          written.add(Files.readAllBytes(checkpoint));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    };
    TrainingConfig config = TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=1e10")).loss("mse")
        .task(Task.REGRESSION).epochs(8).batchSize(5).build();

    assertThatThrownBy(() -> trainer.fit(new TinyModel(2, 0, 1, 5), TestData.regression(40, 3), config,
        RunOptions.none().withCheckpoint(checkpoint).withListener(snapshot)))
        .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
          assertThat(e.epoch()).isEqualTo(3);
          assertThat(e.step()).isEqualTo(1);
          assertThat(e.loss()).isEqualTo(Double.POSITIVE_INFINITY);
          assertThat(e.lastGoodCheckpoint()).contains(checkpoint);
        })
        .hasMessage("Loss became Infinity at epoch 3, step 1 (lr 1.0E10): the loss 'mse' made the first value that is"
            + " not finite (op 'loss' produced Infinity from finite inputs), with predictions as large as 2.40e+164;"
            + " they have grown too large, so the learning rate may be too high. Last good checkpoint: " + checkpoint);

    assertThat(written).hasSize(2);
    assertThat(Files.readAllBytes(checkpoint)).isEqualTo(written.get(1));
    assertThat(Checkpoint.read(checkpoint).epoch()).isEqualTo(2);
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).as("no temporary file left").containsExactly(checkpoint);
    }
  }

  @Test
  void a_nan_loss_in_the_first_step_stops_the_run_without_a_checkpoint() {
    Dataset poisoned = TestData.line(new double[] {1, 2}, new double[] {2, Double.NaN});

    assertThatThrownBy(() -> trainer.fit(halfSlope(), poisoned, oneStep()))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessage("Loss became NaN at epoch 1, step 1 (lr 0.1): the target of an example is NaN, so the data hold a"
            + " value that is not finite. No checkpoint was written before it.");
  }

  @Test
  void data_must_fit_the_model() {
    assertThatThrownBy(() -> trainer.fit(new TinyModel(3, 0, 1, 0), TWO_POINTS, oneStep()))
        .hasMessage("The model takes 3 inputs per row but the examples have 1; build the model for the data's width.");
    assertThatThrownBy(() -> trainer.fit(new TinyModel(1, 0, 2, 0), TWO_POINTS, oneStep()))
        .hasMessage("The model makes 2 outputs per row but the examples have 1 targets; build the model for the"
            + " data's width.");
    assertThatThrownBy(() -> trainer.fit(halfSlope(), TWO_POINTS.select(new int[0]), oneStep()))
        .hasMessage("There are no examples to train on; give at least one row.");
  }

  @Test
  void an_unknown_optimizer_is_reported_by_the_registry() {
    TrainingConfig config = oneStepBuilder().optimizer("adamx").build();
    assertThatThrownBy(() -> trainer.fit(halfSlope(), TWO_POINTS, config))
        .hasMessage("Unknown optimizer 'adamx'; available: [adagrad, adam, adamw, lion, rmsprop, sgd].");
  }

  @Test
  void gradient_metrics_have_one_entry_per_layer_input_side_first() {
    EpochMetrics metrics = trainer.fit(new TinyModel(2, 4, 1, 5), TestData.regression(20, 1), regressionRun(1)).last();
    assertThat(metrics.meanAbsGradientByLayer()).containsOnlyKeys("layer1", "layer2");
    assertThat(List.copyOf(metrics.meanAbsGradientByLayer().keySet())).containsExactly("layer1", "layer2");
    assertThat(metrics.meanAbsGradientByLayer().values()).allSatisfy(g -> assertThat(g).isPositive());
    assertThat(metrics.validation().r2()).isNotNaN();
    assertThat(metrics.train().accuracy()).isNaN();
  }

  @Test
  void parameter_names_of_the_test_model_are_stable() {
    assertThat(new TinyModel(1, 2, 1, 0).namedParameters()).extracting(NamedParameter::name).containsExactly(
        "layer1.weight[0][0]", "layer1.weight[1][0]", "layer1.bias[0]", "layer1.bias[1]",
        "layer2.weight[0][0]", "layer2.weight[0][1]", "layer2.bias[0]");
  }
}
