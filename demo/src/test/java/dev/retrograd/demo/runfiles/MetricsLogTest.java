package dev.retrograd.demo.runfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.data.Task;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.Scores;
import dev.retrograd.train.TrainingConfig;
import dev.retrograd.train.TrainingPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

  @TempDir
  Path dir;

  private static final MetricsCsv COLUMNS = new MetricsCsv(Task.CLASSIFICATION, List.of("layer1", "layer2"));
  private static final String HEADER = "epoch,learning_rate,train_loss,validation_loss,train_accuracy,"
      + "validation_accuracy,gradient_norm,mean_abs_gradient_layer1,mean_abs_gradient_layer2,train_seconds";

  private final List<String> notes = new ArrayList<>();

  /** The metrics of epoch {@code e}: every number a function of e, so rows can be told apart. */
  private static EpochMetrics epoch(int e) {
    return new EpochMetrics(e, 0.01, new Scores(1.0 / e, 0.5 + e / 100.0, Double.NaN, Double.NaN),
        new Scores(1.5 / e, 0.4 + e / 100.0, Double.NaN, Double.NaN), 2.0 / e,
        Map.of("layer1", 0.1 / e, "layer2", 0.2 / e), Duration.ofMillis(30), Duration.ofMillis(25));
  }

  private static String row(int e) {
    return COLUMNS.row(epoch(e));
  }

  private static TrainingPlan resumedAfter(int checkpointEpoch) {
    TrainingConfig config = TrainingConfig.builder().optimizer("sgd").loss("cross_entropy")
        .task(Task.CLASSIFICATION).epochs(10).build();
    return new TrainingPlan(config, checkpointEpoch + 1, 10, 100, 10, 4);
  }

  private Path file() {
    return dir.resolve("metrics.csv");
  }

  private void write(String... lines) throws IOException {
    Files.writeString(file(), String.join("\n", lines) + "\n");
  }

  private MetricsLog resumed(int checkpointEpoch, Path besideCheckpoint) {
    MetricsLog log = MetricsLog.forResumedRun(file(), COLUMNS, besideCheckpoint, notes::add);
    log.onStart(resumedAfter(checkpointEpoch));
    return log;
  }

  @Test
  void a_row_is_in_the_file_as_soon_as_its_epoch_ends() throws IOException {
    try (MetricsLog log = MetricsLog.forNewRun(file(), COLUMNS)) {
      log.onStart(resumedAfter(0));
      assertThat(file()).doesNotExist();
      log.onEpochEnd(epoch(1));
      assertThat(Files.readAllLines(file())).containsExactly(HEADER, row(1));
      log.onEpochEnd(epoch(2));
      assertThat(Files.readAllLines(file())).containsExactly(HEADER, row(1), row(2));
    }
    assertThat(row(1)).isEqualTo("1,0.010000000,1.0000000,1.5000000,0.51000000,0.41000000,2.0000000,"
        + "0.10000000,0.20000000,0.025000000");
  }

  @Test
  void a_resumed_run_appends_to_the_rows_it_continues_without_touching_them() throws IOException {
    write(HEADER, row(1), row(2), row(3));
    byte[] before = Files.readAllBytes(file());

    try (MetricsLog log = resumed(3, file())) {
      assertThat(Files.readAllBytes(file())).isEqualTo(before);
      log.onEpochEnd(epoch(4));
      log.onEpochEnd(epoch(5));
    }

    assertThat(Files.readAllLines(file())).containsExactly(HEADER, row(1), row(2), row(3), row(4), row(5));
    assertThat(notes).containsExactly(file() + " continues after epoch 3");
  }

  @Test
  void rows_past_the_checkpoint_are_dropped_since_the_run_trains_them_again() throws IOException {
    write(HEADER, row(1), row(2), row(3), row(4), row(5));

    try (MetricsLog log = resumed(3, file())) {
      log.onEpochEnd(epoch(4));
    }

    assertThat(Files.readAllLines(file())).containsExactly(HEADER, row(1), row(2), row(3), row(4));
    assertThat(notes).containsExactly(file() + " went on to epoch 5, past the checkpoint's epoch 3: dropped epochs"
        + " 4 to 5, which this run trains again");
  }

  @Test
  void rows_missing_before_the_checkpoint_stay_a_gap_that_is_said() throws IOException {
    write(HEADER, row(1), row(2));

    List<EpochMetrics> history;
    try (MetricsLog log = resumed(3, file())) {
      log.onEpochEnd(epoch(4));
      history = log.history();
    }

    assertThat(history).extracting(EpochMetrics::epoch).containsExactly(1, 2, 4);
    assertThat(notes).containsExactly(file() + " ends at epoch 2 but the checkpoint is at epoch 3: it has no row for"
        + " epoch 3, a gap in the history");
  }

  @Test
  void a_last_line_cut_off_mid_write_is_dropped() throws IOException {
    Files.writeString(file(), HEADER + "\n" + row(1) + "\n" + row(2) + "\n" + row(3).substring(0, 12));

    try (MetricsLog log = resumed(2, file())) {
      log.onEpochEnd(epoch(3));
    }

    assertThat(Files.readAllLines(file())).containsExactly(HEADER, row(1), row(2), row(3));
    assertThat(notes).containsExactly(file() + ": its last line was cut off mid-write; dropped it");
  }

  @Test
  void a_run_resumed_into_another_folder_starts_with_the_history_beside_its_checkpoint() throws IOException {
    Path earlier = Files.createDirectories(dir.resolve("earlier")).resolve("metrics.csv");
    Files.writeString(earlier, String.join("\n", HEADER, row(1), row(2), row(3)) + "\n");

    try (MetricsLog log = resumed(2, earlier)) {
      log.onEpochEnd(epoch(3));
    }

    assertThat(Files.readAllLines(file())).containsExactly(HEADER, row(1), row(2), row(3));
    assertThat(Files.readAllLines(earlier)).as("left as it was").hasSize(4);
    assertThat(notes).containsExactly(earlier + " went on to epoch 3, past the checkpoint's epoch 2: dropped epoch 3,"
        + " which this run trains again", file() + " starts with epochs 1 to 2 of " + earlier);
  }

  @Test
  void without_any_earlier_file_the_history_starts_at_the_resumed_epoch() throws IOException {
    try (MetricsLog log = resumed(3, dir.resolve("elsewhere/metrics.csv"))) {
      log.onEpochEnd(epoch(4));
    }

    assertThat(Files.readAllLines(file())).containsExactly(HEADER, row(4));
    assertThat(notes).containsExactly("no metrics.csv beside the checkpoint; " + file() + " starts at epoch 4");
  }

  @Test
  void rows_under_other_columns_are_carried_over_by_name() throws IOException {
    write("epoch,train_loss,learning_rate,mean_abs_gradient_layer1,train_seconds", "1,0.9,0.01,0.5,1.25");

    try (MetricsLog log = resumed(1, file())) {
      assertThat(Files.readAllLines(file())).containsExactly(HEADER, "1,0.01,0.9,,,,,0.5,,1.25");
      log.onEpochEnd(epoch(2));
    }

    assertThat(notes).contains(file() + " had other columns; rewrote its rows under this run's columns, by name");
  }

  @Test
  void a_file_that_is_not_a_history_is_refused_and_left_alone() throws IOException {
    write(HEADER, row(1), "2,0.01,oops", row(3));
    byte[] before = Files.readAllBytes(file());

    assertThatThrownBy(() -> resumed(3, file()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file() + " line 3 has 3 fields but its header has 10. Mend or remove the line, or move the file"
            + " away.");
    assertThat(Files.readAllBytes(file())).isEqualTo(before);

    write("loss,accuracy", "0.5,0.9");
    assertThatThrownBy(() -> resumed(1, file()))
        .hasMessage(file() + " is not the metrics.csv of a retrograd run: its first line is 'loss,accuracy'. Move it"
            + " away, and the run starts a new one.");
  }

  @Test
  void the_history_reads_back_every_value_to_eight_digits_with_its_epoch() throws IOException {
    write(HEADER, row(1), row(2), row(3));
    List<EpochMetrics> history;
    try (MetricsLog log = resumed(3, file())) {
      log.onEpochEnd(epoch(4));
      history = log.history();
    }

    assertThat(history).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
    EpochMetrics third = history.get(2);
    EpochMetrics written = epoch(3);
    assertThat(third.learningRate()).isEqualTo(0.01);
    assertThat(third.trainLoss()).isEqualTo(Double.parseDouble(String.format("%.8g", written.trainLoss())));
    assertThat(third.validation().accuracy()).isEqualTo(0.43);
    assertThat(third.train().mse()).isNaN();
    assertThat(third.gradientNorm()).isEqualTo(Double.parseDouble(String.format("%.8g", 2.0 / 3)));
    assertThat(third.meanAbsGradientByLayer()).containsOnlyKeys("layer1", "layer2");
    assertThat(third.meanAbsGradientByLayer().get("layer2")).isEqualTo(Double.parseDouble(String.format("%.8g", 0.2 / 3)));
  }
}
