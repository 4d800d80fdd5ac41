package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.testkit.PluginJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

  @TempDir
  Path dir;

  @Test
  void lists_every_kind_with_hyperparameters_and_defaults() {
    Cli run = Cli.run("plugins");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Optimizers (6)", "Activations (15)", "Losses (9)", "Initializers (11)")
        .contains("      beta1=0.9 (real, in [0, 1)): ");
  }

  @Test
  void lists_the_plugins_of_the_jars_given_with_the_plugins_option() throws Exception {
    Path jar = new PluginJar().source("com.example.Still", """
        package com.example;

        import dev.retrograd.api.*;

        public final class Still implements OptimizerPlugin {
          public String name() { return "still"; }
          public String description() { return "leaves every parameter where it is"; }
          public Optimizer create(Hyperparameters hp) {
            return new ElementwiseOptimizer(0) {
              protected void update(Element e) {}
            };
          }
        }
        """).service(OptimizerPlugin.class, "com.example.Still").writeTo(dir.resolve("still.jar"));

    Cli run = Cli.run("plugins", "--plugins", jar.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Optimizers (7)", "  still                  leaves every parameter where it is\n");
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
