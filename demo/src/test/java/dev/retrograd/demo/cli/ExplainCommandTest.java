package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

  @TempDir
  Path dir;

  @Test
  void narrates_the_four_phases_with_a_tick_for_every_parameter_and_writes_the_graph() throws Exception {
    Cli run = Cli.run("explain", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("One training step of a 2-2-1 network (hidden layers: tanh; output: linear),"
        + " loss mse, optimizer sgd(lr=0.1).\n")
        .contains("\n1. Forward pass", "\n2. Loss: mse", "\n3. Backward pass", "\n4. Update: sgd(lr=0.1)")
        .endsWith("wrote " + dir.resolve("explain.svg") + ", " + dir.resolve("explain.png") + ", "
            + dir.resolve("explain.dot") + "\n");
    assertThat(run.out().split("✓", -1)).hasSize(9 + 1);
    assertThat(run.out()).doesNotContain("✗");
    assertThat(Files.readString(dir.resolve("explain.svg"))).contains(">layer1.weight[0][1]</text>");
    assertThat(ImageIO.read(dir.resolve("explain.png").toFile())).isNotNull();
    assertThat(Files.readString(dir.resolve("explain.dot"))).contains("tanh(w·x + b)\\n5 inputs");
  }

  @Test
  void lang_fr_narrates_in_french() {
    Cli run = Cli.run("explain", "--lang", "fr", "--hidden", "3", "--activation", "sigmoid", "--optimizer", "adam",
        "--lr", "0.01", "--format", "dot", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Un pas d'apprentissage d'un réseau 2-3-1 (couches cachées : sigmoid ;"
        + " sortie : linéaire), perte mse, optimiseur adam(lr=0.01).\n")
        .contains("3. Rétropropagation", "f'(s) = σ(s)(1 − σ(s)) = ", "4. Mise à jour des poids : adam(lr=0.01)",
            "écrit " + dir.resolve("explain.dot"));
    assertThat(run.out().split("✓", -1)).hasSize(13 + 1);
  }

  @Test
  void options_set_the_network_the_loss_the_optimizer_and_the_example() {
    Cli run = Cli.run("explain", "--hidden", "3,2", "--activation", "relu", "--loss", "cross_entropy", "--optimizer",
        "sgd", "--lr", "0.5", "--hp", "momentum=0.9", "--input", "1,2,3", "--target", "0,1", "--seed", "3",
        "--format", "svg", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("One training step of a 3-3-2-2 network (hidden layers: relu; output: linear),"
        + " loss cross_entropy, optimizer sgd(lr=0.5,momentum=0.9).\n")
        .contains("Weights drawn by xavier_uniform with seed 3, biases 0. The example: x = (1.0000, 2.0000, 3.0000),"
            + " target t = (0.0000, 1.0000).", "f'(s) = 1 if s > 0, else 0");
    assertThat(run.out().split("✓", -1)).hasSize(12 + 8 + 6 + 1);
  }

  @Test
  void bad_input_is_one_line() {
    assertThat(Cli.run("explain", "--lang", "de").err())
        .isEqualTo("retrograd: Unknown language 'de'; available: [en, fr].\n");
    assertThat(Cli.run("explain", "--activation", "gleu", "--out", dir.toString()).err())
        .startsWith("retrograd: Unknown activation 'gleu'; available: [elu, gelu, ").doesNotContain("\n ");
    assertThat(Cli.run("explain", "--lr", "0").err()).isEqualTo("retrograd: --lr must be a number > 0, was 0.0.\n");
    assertThat(Cli.run("explain", "--hp", "lr=0.2").err())
        .isEqualTo("retrograd: --hp gives lr; give the learning rate with --lr, such as --lr 0.05.\n");
    assertThat(Cli.run("explain", "--hidden", "0").err()).isEqualTo("retrograd: hidden widths must be one or more"
        + " numbers >= 1, was [0]; such as --hidden 2 or --hidden 3,2.\n");
    assertThat(Cli.run("explain", "--lang", "de").exitCode()).isEqualTo(1);
  }

  @Test
  void help_lists_every_option() {
    Cli run = Cli.run("explain", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--hidden", "--activation", "--loss", "--optimizer", "--lr", "--lang", "--out",
        "narrate its four phases");
  }
}
