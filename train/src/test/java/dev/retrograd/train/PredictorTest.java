package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint carries what prediction needs; a predictor loaded from it scores raw rows as the model does. */
class PredictorTest {

  private static final Plugins PLUGINS = Plugins.load();
  private final Trainer trainer = new Trainer(PLUGINS);

  @TempDir
  Path folder;

  /** Blobs moved far from the origin and stretched, so that standardization matters. */
  private static Dataset rawBlobs() {
    Dataset blobs = TestData.blobs(90, 2);
    double[][] moved = new double[blobs.size()][];
    for (int i = 0; i < moved.length; i++) {
      moved[i] = new double[] {100 + 20 * blobs.features()[i][0], -5 + 0.1 * blobs.features()[i][1]};
    }
    return Dataset.classification("far blobs", List.of("width (cm)", "x1"), moved, List.of("a", "b", "Ankle boot"),
        blobs.labels());
  }

  @Test
  void a_prediction_equals_the_models_output_on_the_same_standardized_row() {
    Dataset raw = rawBlobs();
    Standardizer scaler = Standardizer.fit(raw);
    Mlp model = Mlp.of(MlpSpec.of(2, new int[] {8}, 3, "tanh", "xavier_uniform"), PLUGINS, new SplittableRandom(1));
    Path checkpoint = folder.resolve("checkpoint.txt");
    trainer.fit(model, scaler.apply(raw), TrainingConfig.builder().optimizer("adam").loss("cross_entropy")
        .task(Task.CLASSIFICATION).epochs(3).validationFraction(0.2).featureStandardizer(scaler).build(),
        RunOptions.none().withCheckpoint(checkpoint));

    Predictor predictor = Predictor.load(checkpoint, PLUGINS);

    double[] row = raw.features()[7];
    double[] expected = TrainingRun.numbers(model.forward(new double[][] {scaler.apply(row)})[0]);
    assertThat(predictor.outputs(new double[][] {row})[0]).containsExactly(expected);
    Prediction prediction = predictor.predict(row);
    assertThat(prediction.label()).isEqualTo(Metrics.predictedClass(expected));
    assertThat(prediction.className()).isEqualTo(raw.classNames().get(prediction.label()));
    double normalizer = 0;
    for (double output : expected) {
      normalizer += Math.exp(output);
    }
    for (int c = 0; c < 3; c++) {
      assertThat(prediction.probabilities()[c]).isCloseTo(Math.exp(expected[c]) / normalizer, within(1e-12));
    }
    DataSchema schema = predictor.schema();
    assertThat(schema.featureNames()).containsExactly("width (cm)", "x1");
    assertThat(schema.classNames()).containsExactly("a", "b", "Ankle boot");
    assertThat(schema.featureStandardizer()).contains(scaler);
    assertThat(schema.task()).isEqualTo(Task.CLASSIFICATION);
  }

  @Test
  void a_regression_prediction_is_in_the_targets_units() {
    Dataset line = TestData.line(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
        new double[] {1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1100});
    Standardizer scaler = Standardizer.fit(line);
    Standardizer target = Standardizer.fitTargets(line);
    Mlp model = Mlp.of(MlpSpec.of(1, new int[] {4}, 1, "tanh", "xavier_uniform"), PLUGINS, new SplittableRandom(1));
    Path checkpoint = folder.resolve("checkpoint.txt");
    trainer.fit(model, scaler.apply(line), TrainingConfig.builder().optimizer("adam").loss("mse")
        .task(Task.REGRESSION).epochs(2).featureStandardizer(scaler).targetStandardizer(target).build(),
        RunOptions.none().withCheckpoint(checkpoint));

    Predictor predictor = Predictor.load(checkpoint, PLUGINS);

    double z = model.forward(new double[][] {scaler.apply(new double[] {4.5})})[0][0].data();
    assertThat(predictor.predict(new double[] {4.5}).value())
        .isCloseTo(z * target.std()[0] + target.mean()[0], within(1e-9));
    assertThat(predictor.schema().targetName()).isEqualTo("y");
    assertThat(predictor.schema().targetStandardizer()).contains(target);
  }

  @Test
  void an_evaluation_scores_as_the_trainer_does_and_counts_the_confusion_matrix() {
    Dataset raw = rawBlobs();
    Standardizer scaler = Standardizer.fit(raw);
    Mlp model = Mlp.of(MlpSpec.of(2, new int[] {8}, 3, "tanh", "xavier_uniform"), PLUGINS, new SplittableRandom(1));
    Path checkpoint = folder.resolve("checkpoint.txt");
    TrainingConfig config = TrainingConfig.builder().optimizer("adam").loss("cross_entropy")
        .task(Task.CLASSIFICATION).epochs(3).featureStandardizer(scaler).build();
    trainer.fit(model, scaler.apply(raw), config, RunOptions.none().withCheckpoint(checkpoint));

    Evaluation evaluation = Evaluation.ofClasses(Predictor.load(checkpoint, PLUGINS), raw.features(), raw.labels(),
        PLUGINS);

    Scores expected = trainer.evaluate(model, scaler.apply(raw), config);
    assertThat(evaluation.scores().loss()).isCloseTo(expected.loss(), within(1e-12));
    assertThat(evaluation.scores().accuracy()).isEqualTo(expected.accuracy());
    int diagonal = 0;
    int all = 0;
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        all += evaluation.confusion()[t][p];
        diagonal += t == p ? evaluation.confusion()[t][p] : 0;
      }
      assertThat(java.util.Arrays.stream(evaluation.confusion()[t]).sum()).isEqualTo(raw.classCounts()[t]);
    }
    assertThat(all).isEqualTo(raw.size());
    for (int c = 0; c < 3; c++) {
      int truePositives = 0;
      int predictedAsC = 0;
      for (int r = 0; r < raw.size(); r++) {
        boolean predicted = evaluation.predictions().get(r).label() == c;
        predictedAsC += predicted ? 1 : 0;
        truePositives += predicted && raw.labels()[r] == c ? 1 : 0;
      }
      assertThat(evaluation.precision(c)).isEqualTo((double) truePositives / predictedAsC);
      assertThat(evaluation.recall(c)).isEqualTo((double) truePositives / raw.classCounts()[c]);
    }
    assertThat((double) diagonal / all).isEqualTo(expected.accuracy());
  }

  @Test
  void the_schema_survives_the_checkpoint_text_with_names_holding_spaces_and_percent_signs() {
    DataSchema schema = new DataSchema(List.of("a b", "100%", "tab\there"), Optional.of(new Standardizer(
        new double[] {1, 2, 3}, new double[] {0.5, 0, 2})), Task.CLASSIFICATION, "the class", List.of("Ankle boot",
        "T-shirt/top", "é"), Optional.empty());
    RunIdentity identity = new RunIdentity("3 -> 3 identity zeros", "sgd", "lr=0.1", "cross_entropy", "",
        Task.CLASSIFICATION, Schedule.constant(), Clipping.none(), 0, 1, 0, 1, 3, "x",
        new DataFingerprint("0".repeat(64), "1".repeat(64)));
    Checkpoint written = Checkpoint.of(identity, 1, 2, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
        schema);

    Checkpoint read = Checkpoint.parse(written.toText(), "c");

    assertThat(read.schema()).contains(schema);
    assertThat(written.toText()).contains("class_names 3 Ankle%20boot T-shirt/top é\n");
  }

  @Test
  void a_checkpoint_of_format_2_still_resumes_but_cannot_predict() throws IOException {
    Dataset data = TestData.blobs(30, 1);
    Mlp model = Mlp.of(MlpSpec.of(2, new int[] {4}, 3, "tanh", "xavier_uniform"), PLUGINS, new SplittableRandom(1));
    Path checkpoint = folder.resolve("checkpoint.txt");
    TrainingConfig config = TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=0.1"))
        .loss("cross_entropy").task(Task.CLASSIFICATION).epochs(1).build();
    trainer.fit(model, data, config, RunOptions.none().withCheckpoint(checkpoint));
    Path old = Files.writeString(folder.resolve("old.txt"), formatTwo(Files.readString(checkpoint)));

    Checkpoint read = Checkpoint.read(old);

    assertThat(read.schema()).isEmpty();
    Mlp resumed = Mlp.of(MlpSpec.of(2, new int[] {4}, 3, "tanh", "xavier_uniform"), PLUGINS, new SplittableRandom(1));
    assertThat(trainer.resume(resumed, data, config.toBuilder().epochs(2).build(), old, RunOptions.none()).epochs())
        .hasSize(1);
    assertThatThrownBy(() -> Predictor.load(old, PLUGINS))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("Checkpoint " + old + " has no data schema (feature names, standardization, class names): it was"
            + " written by an older retrograd, in format 2, and can resume training but not score new rows. Train the"
            + " model again to predict with it.");
  }

  /** Returns the text as the format-2 writer made it: the old header, no schema lines, its own checksum. */
  private static String formatTwo(String text) {
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\n")) {
      String key = line.split(" ", 2)[0];
      if (line.startsWith("checksum ") || line.equals("end") || SchemaEntries.KEYS.contains(key)) {
        continue;
      }
      kept.append(line.equals(Checkpoint.HEADER) ? "retrograd-checkpoint 2" : line).append('\n');
    }
    String body = kept.toString();
    return body + "checksum sha256:" + Checkpoint.sha256(body) + "\nend\n";
  }

  @Test
  void rows_of_the_wrong_width_are_refused() {
    DataSchema schema = new DataSchema(List.of("a", "b"), Optional.empty(), Task.REGRESSION, "y", List.of(),
        Optional.empty());

    assertThatThrownBy(() -> schema.standardized(new double[] {1}))
        .hasMessage("the model takes 2 features but the row has 1");
    assertThat(schema.standardized(new double[] {1, 2})).containsExactly(1, 2);
  }

  private static double data(Value value) {
    return value.data();
  }
}
