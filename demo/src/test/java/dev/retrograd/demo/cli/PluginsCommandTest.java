package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginsCommandTest {

  @Test
  void lists_every_kind_with_hyperparameters_and_defaults() {
    Cli run = Cli.run("plugins");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Optimizers (6)", "Activations (15)", "Losses (9)", "Initializers (11)")
        .contains("      beta1=0.9 (real, in [0, 1)): ");
  }

  @Test
  void a_missing_plugin_jar_is_a_one_line_error() {
    Cli run = Cli.run("plugins", "--plugins", "nowhere.jar");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: Plugin path nowhere.jar is neither a .jar file nor a folder"
        + " (it does not exist); give jar files or folders of jars.\n");
  }

  @Test
  void an_unknown_command_exits_with_code_2() {
    Cli run = Cli.run("trian");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("retrograd: Unmatched argument at index 0: 'trian'");
  }
}
