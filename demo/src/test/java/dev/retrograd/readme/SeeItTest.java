package dev.retrograd.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.demo.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "See it" section: both commands run as shown, and print what it shows. */
class SeeItTest {

  @TempDir
  Path dir;

  private static String run(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void the_neuron_graph_command_prints_what_the_readme_shows_and_writes_its_pictures() throws Exception {
    ReadmeCommand command = ReadmeCommand.named("see-it-graph");
    Path folder = dir.resolve("neuron");

    String printed = run(command.with("--out", folder.toString()));

    String shown = String.join("\n", command.printed()) + "\n";
    assertThat(printed).isEqualTo(shown.replace("runs/neuron/", folder + File.separator));
    assertThat(Files.readString(folder.resolve("graph.svg"), StandardCharsets.UTF_8)).contains("<svg");
    assertThat(ImageIO.read(folder.resolve("graph.png").toFile())).isNotNull();
    assertThat(Files.readString(folder.resolve("graph.dot"))).startsWith("digraph");
    assertThat(Path.of("..", "docs", "neuron-graph.png")).isRegularFile();
  }

  @Test
  void the_explain_excerpt_is_what_explain_prints_in_that_order() throws Exception {
    ReadmeCommand command = ReadmeCommand.named("see-it-explain");

    String printed = run(command.with("--out", dir.toString()));

    List<String> lines = printed.lines().toList();
    int at = 0;
    for (String shown : command.printed()) {
      if (shown.equals("…")) {
        continue;
      }
      int found = lines.subList(at, lines.size()).indexOf(shown);
      assertThat(found).as("README line, after line %d of the output: %s", at, shown).isNotNegative();
      at += found + 1;
    }
    assertThat(Path.of("..", "docs", "explain-graph.svg")).isRegularFile();
  }
}
