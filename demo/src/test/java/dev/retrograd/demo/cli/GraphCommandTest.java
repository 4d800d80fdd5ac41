package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

  private static final String NEURON = "tanh(x1*w1 + x2*w2 + b)";
  private static final String VALUES = "x1=2,x2=0,w1=-3,w2=1,b=6.8813735870195432";

  @TempDir
  Path dir;

  @Test
  void micrograd_neuron_prints_every_gradient_and_writes_three_files() throws Exception {
    Cli run = Cli.run("graph", "--expr", NEURON, "--set", VALUES, "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("""
        tanh(x1*w1 + x2*w2 + b) = 0.7071
        variable          data        grad
        x1              2.0000     -1.5000
        w1             -3.0000      1.0000
        x2              0.0000      0.5000
        w2              1.0000      0.0000
        b               6.8814      0.5000
        wrote     %s, %s, %s
        """.formatted(dir.resolve("graph.svg"), dir.resolve("graph.png"), dir.resolve("graph.dot")));
    assertThat(Files.readString(dir.resolve("graph.svg"))).contains("<svg", ">grad -1.5000</text>");
    assertThat(ImageIO.read(dir.resolve("graph.png").toFile())).isNotNull();
    assertThat(Files.readString(dir.resolve("graph.dot"))).startsWith("digraph retrograd {")
        .contains("label=\"{ x1 | data 2.0000 | grad -1.5000 }\"");
  }

  @Test
  void params_choose_which_variables_are_drawn_as_parameters() throws Exception {
    Cli run = Cli.run("graph", "--expr", "a*x + c", "--set", "a=2,x=3,c=1", "--params", "a,c", "--format", "dot",
        "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String dot = Files.readString(dir.resolve("graph.dot"));
    assertThat(dot).contains("fillcolor=\"#fde2c4\", label=\"{ a |", "fillcolor=\"#fde2c4\", label=\"{ c |",
        "fillcolor=\"#dbe9f6\", label=\"{ x |");
    assertThat(dir.resolve("graph.svg")).doesNotExist();
  }

  @Test
  void a_syntax_error_is_one_line_and_a_caret_under_its_column() {
    Cli run = Cli.run("graph", "--expr", "tanh(x1*w1 +)", "--set", "x1=2,w1=1", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("""
        retrograd: Syntax error at column 13: expected a number, a variable, a function or '(', found ')'.
          tanh(x1*w1 +)
                      ^
        """);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void an_unknown_function_lists_what_exists() {
    Cli run = Cli.run("graph", "--expr", "gleu(x)", "--set", "x=1", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("retrograd: Unknown function 'gleu' at column 1; the engine's are [abs, exp, log,"
        + " relu, sigmoid, sqrt, tanh] and the activation plugins [elu, gelu, ").contains("\n  gleu(x)\n  ^\n");
  }

  @Test
  void a_variable_with_no_value_is_one_line() {
    Cli one = Cli.run("graph", "--expr", "x*y + b", "--set", "x=1,y=2", "--out", dir.toString());
    Cli two = Cli.run("graph", "--expr", "x*y + b", "--set", "x=1", "--out", dir.toString());

    assertThat(one.exitCode()).isEqualTo(1);
    assertThat(one.err()).isEqualTo("retrograd: Variable 'b' has no value; give it with --set b=VALUE.\n");
    assertThat(two.err()).isEqualTo("retrograd: Variables 'y', 'b' have no value; give them with --set"
        + " y=VALUE,b=VALUE.\n");
  }

  @Test
  void a_value_or_parameter_for_no_variable_is_one_line() {
    Cli set = Cli.run("graph", "--expr", "x + 1", "--set", "x=1,z=2", "--out", dir.toString());
    Cli params = Cli.run("graph", "--expr", "x + 1", "--set", "x=1", "--params", "w", "--out", dir.toString());

    assertThat(set.err()).isEqualTo("retrograd: --set names 'z', which the expression does not use; its variables"
        + " are [x].\n");
    assertThat(params.err()).isEqualTo("retrograd: --params names 'w', which the expression does not use; its"
        + " variables are [x].\n");
  }

  @Test
  void a_value_that_is_not_a_number_or_an_unknown_format_is_one_line() {
    Cli value = Cli.run("graph", "--expr", "x", "--set", "x=two");
    Cli format = Cli.run("graph", "--expr", "x", "--set", "x=2", "--format", "jpg", "--out", dir.toString());
    Cli limit = Cli.run("graph", "--expr", "x", "--set", "x=2", "--max-per-layer", "1", "--out", dir.toString());

    assertThat(value.exitCode()).isEqualTo(2);
    assertThat(value.err()).isEqualTo("retrograd: Invalid value for option '--set' (NAME=VALUE): 'two' is not a double"
        + " (see 'retrograd graph --help')\n");
    assertThat(format.err()).isEqualTo("retrograd: Unknown picture format 'jpg'; available: [dot, png, svg].\n");
    assertThat(limit.err()).isEqualTo("retrograd: --max-per-layer must be >= 2 (one value and one '… more' node),"
        + " was 1.\n");
  }

  @Test
  void help_describes_the_language_and_the_example() {
    Cli run = Cli.run("graph", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--expr=EXPRESSION", "--set=NAME=VALUE", "--format=FORMAT",
        "exp log sqrt tanh sigmoid relu abs", "gelu(x)", "--set x1=2,x2=0,w1=-3,w2=1,b=6.8813735870195432");
  }
}
