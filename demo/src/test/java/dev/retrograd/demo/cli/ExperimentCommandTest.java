package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {

  @TempDir
  Path dir;

  @Test
  void vanishing_prints_its_table_and_verdict_and_writes_its_chart() {
    Cli run = Cli.run("experiment", "vanishing", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("last/first ratio").contains("Claim held");
    assertThat(dir.resolve("vanishing.png")).isNotEmptyFile();
  }

  @Test
  void an_unknown_experiment_lists_the_available_ones() {
    Cli run = Cli.run("experiment", "dropout");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: Unknown experiment 'dropout'; available: [batchnorm, exploding,"
        + " init, optimizers, residual, vanishing].\n");
  }

  @Test
  void help_names_every_experiment() {
    Cli run = Cli.run("experiment", "--help");

    assertThat(run.out()).contains("optimizers", "vanishing", "exploding", "init", "batchnorm", "residual");
  }
}
