package dev.retrograd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.retrograd.demo.cli.CommandLineModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --help} wraps descriptions at spaces only: no file name, key=value list or number is cut. */
class HelpWrappingTest {

  private static String help(String... command) {
    StringWriter out = new StringWriter();
    String[] args = Arrays.copyOf(command, command.length + 1);
    args[command.length] = "--help";
    int code = Main.run(new CommandLineModule(), args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertThat(code).isZero();
    return out.toString();
  }

  private static Set<String> tokens(String text) {
    return new HashSet<>(Arrays.asList(text.split("\\s+")));
  }

  @Test
  void train_help_keeps_file_names_and_key_value_lists_whole() {
    String help = help("train");

    assertThat(tokens(help)).contains("decision_boundary.png", "label_smoothing=0.1.", "lr=0.003,weight_decay=0.01.",
        "step:step_size=10,gamma=0.5,");
    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(help).startsWith("Usage: retrograd train [OPTIONS]\n");
  }

  @Test
  void every_word_of_every_option_description_of_every_command_appears_whole() {
    for (String command : List.of("train", "plugins", "experiment", "bench")) {
      String help = help(command);
      Set<String> shown = tokens(help);
      CommandLine commandLine = new CommandLine(new Main(),
          new InjectorFactory(Guice.createInjector(new CommandLineModule()))).getSubcommands().get(command);
      for (OptionSpec option : commandLine.getCommandSpec().options()) {
        String description = String.join(" ", option.description())
            .replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()));
        for (String word : description.split("\\s+")) {
          if (!word.isEmpty() && !word.contains("${")) {
            assertThat(shown).as("'%s' of %s in 'retrograd %s --help'", word, option.longestName(), command)
                .contains(word);
          }
        }
      }
      assertThat(help.lines()).as(command).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
  }
}
