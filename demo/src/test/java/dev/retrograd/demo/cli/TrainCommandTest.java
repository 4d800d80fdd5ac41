package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

  @TempDir
  Path dir;

  private Cli train(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("train", "--samples", "120",
        "--hidden", "8", "--epochs", "3", "--progress", "quiet", "--out", dir.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--dataset")) {
      args.addAll(List.of("--dataset", "moons"));
    }
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void a_run_prints_a_line_per_epoch_a_summary_and_writes_its_files() throws Exception {
    Cli run = train();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(line -> line.startsWith("epoch "))).hasSize(3);
    assertThat(run.out()).contains("model     2 -> 8 relu he_normal -> 2 identity he_normal, 42 parameters")
        .contains("test      loss ").contains("time      ");
    for (String file : List.of("metrics.csv", "loss.png", "accuracy.png", "gradients.png",
        "decision_boundary.png", "checkpoint.txt")) {
      assertThat(dir.resolve(file)).isNotEmptyFile();
    }
    List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).isEqualTo("epoch,learning_rate,train_loss,validation_loss,train_accuracy,"
        + "validation_accuracy,gradient_norm,mean_abs_gradient_layer1,mean_abs_gradient_layer2,train_seconds");
    for (String row : csv.subList(1, csv.size())) {
      double trainSeconds = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
      assertThat(trainSeconds).as("train_seconds of " + row).isPositive().isLessThan(60);
    }
  }

  @Test
  void regression_reports_mse_and_r2_and_draws_no_accuracy() {
    Cli run = train("--dataset", "sine");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(" mse ").contains(" r2 ");
    assertThat(dir.resolve("accuracy.png")).doesNotExist();
    assertThat(dir.resolve("decision_boundary.png")).doesNotExist();
  }

  @Test
  void resuming_a_stopped_run_continues_its_losses_exactly() throws Exception {
    Path straight = dir.resolve("straight");
    Cli uninterrupted = Cli.run("train", "--dataset", "moons", "--samples", "120", "--hidden", "8", "--epochs", "4",
        "--optimizer", "sgd", "--hp", "lr=0.1,momentum=0.9", "--progress", "quiet", "--out", straight.toString());
    Path stopped = dir.resolve("stopped");
    Cli.run("train", "--dataset", "moons", "--samples", "120", "--hidden", "8", "--epochs", "2",
        "--optimizer", "sgd", "--hp", "lr=0.1,momentum=0.9", "--progress", "quiet", "--out", stopped.toString());
    Cli resumed = Cli.run("train", "--dataset", "moons", "--samples", "120", "--hidden", "8", "--epochs", "4",
        "--optimizer", "sgd", "--hp", "lr=0.1,momentum=0.9", "--progress", "quiet", "--out", stopped.toString(),
        "--resume", stopped.resolve("checkpoint.txt").toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    List<String> lastTwo = uninterrupted.out().lines().filter(line -> line.startsWith("epoch 3/4")
        || line.startsWith("epoch 4/4")).map(TrainCommandTest::withoutTime).toList();
    assertThat(resumed.out().lines().filter(line -> line.startsWith("epoch ")).map(TrainCommandTest::withoutTime))
        .containsExactlyElementsOf(lastTwo);
  }

  @Test
  void resuming_with_another_architecture_is_refused_with_what_differs() {
    String out = dir.toString();
    Cli first = Cli.run("train", "--dataset", "moons", "--samples", "120", "--hidden", "8", "--epochs", "1",
        "--progress", "quiet", "--out", out);
    Cli resumed = Cli.run("train", "--dataset", "moons", "--samples", "120", "--hidden", "4", "--epochs", "2",
        "--progress", "quiet", "--out", out, "--resume", dir.resolve("checkpoint.txt").toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(resumed.exitCode()).isEqualTo(1);
    assertThat(resumed.err()).startsWith("retrograd: ").contains("2 -> 8 relu he_normal").contains("2 -> 4 relu he_normal")
        .hasLineCount(1);
  }

  private static String withoutTime(String epochLine) {
    return epochLine.replaceAll("\\s+[0-9.]+s$", "");
  }

  @Test
  void an_unknown_optimizer_exits_with_one_line_naming_the_available_ones() {
    Cli run = train("--optimizer", "adamx");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: Unknown optimizer 'adamx'; available: [adagrad, adam, adamw, lion,"
        + " rmsprop, sgd].\n");
  }

  @Test
  void a_wrong_hyperparameter_is_a_one_line_error() {
    Cli run = train("--hp", "lr=-1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("retrograd: Optimizer 'adam' needs lr >= 0, was -1; it accepts [lr=0.001")
        .hasLineCount(1);
  }

  @Test
  void an_unknown_option_exits_with_code_2_and_points_to_help() {
    Cli run = train("--epochz", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("retrograd: Unknown options: '--epochz', '3' (see 'retrograd train --help')\n");
  }

  @Test
  void a_diverging_run_stops_and_says_what_to_do() {
    Cli run = train("--dataset", "sine", "--optimizer", "sgd", "--hp", "lr=100");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("retrograd: Loss became ")
        .contains("Lower the learning rate (--hp lr=...) or clip gradients (--clip-norm 1.0).").hasLineCount(1);
  }

  @Test
  void a_malformed_csv_line_is_reported_with_its_line_number() throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), "a,b,label\n1,2,x\n3,oops,y\n");

    Cli run = Cli.run("train", "--data", csv.toString(), "--progress", "quiet", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: data.csv line 3, field 'b': 'oops' is not a number\n");
  }

  @Test
  void help_lists_the_options() {
    Cli run = Cli.run("train", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--optimizer=NAME", "--hp=K=V,…", "--clip-norm=MAX", "--resume=CHECKPOINT",
        "--batch-norm", "--residual", "--plugins=PATH");
  }

  @Test
  void the_eager_and_the_compiled_engine_on_one_thread_write_the_same_metrics() throws Exception {
    Path eagerFolder = dir.resolve("eager");
    Path compiledFolder = dir.resolve("compiled");
    Cli eager = Cli.run("train", "--dataset", "moons", "--samples", "120", "--hidden", "8,8", "--batch-norm",
        "--residual", "--epochs", "3", "--progress", "quiet", "--engine", "eager", "--out", eagerFolder.toString());
    Cli compiled = Cli.run("train", "--dataset", "moons", "--samples", "120", "--hidden", "8,8", "--batch-norm",
        "--residual", "--epochs", "3", "--progress", "quiet", "--engine", "compiled", "--threads", "1",
        "--out", compiledFolder.toString());

    assertThat(eager.exitCode()).as(eager.err()).isZero();
    assertThat(compiled.exitCode()).as(compiled.err()).isZero();
    assertThat(withoutTrainSeconds(compiledFolder.resolve("metrics.csv")))
        .isEqualTo(withoutTrainSeconds(eagerFolder.resolve("metrics.csv")));
  }

  @Test
  void an_unknown_engine_and_a_thread_count_below_one_are_refused_with_what_is_accepted() {
    Cli engine = train("--engine", "jit");
    Cli threads = train("--threads", "0");

    assertThat(engine.exitCode()).isNotZero();
    assertThat(engine.err()).contains("Unknown engine 'jit'; available: [eager, compiled].");
    assertThat(threads.exitCode()).isNotZero();
    assertThat(threads.err()).contains("--threads must be >= 1, was 0");
  }

  private static List<String> withoutTrainSeconds(Path csv) throws java.io.IOException {
    return Files.readAllLines(csv).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
  }
}
