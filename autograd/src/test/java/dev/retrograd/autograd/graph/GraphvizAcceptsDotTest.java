package dev.retrograd.autograd.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.autograd.Value;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graphviz's own {@code dot} renders the DOT text without a warning; skipped where Graphviz is not installed. */
class GraphvizAcceptsDotTest {

  @TempDir
  Path dir;

  private static Optional<Path> dot() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator)).map(folder -> Path.of(folder, "dot"))
        .filter(Files::isExecutable).findFirst();
  }

  /** Runs {@code dot -Tsvg} on {@code text} and returns the SVG, failing on a non-zero exit or any warning. */
  private String render(String text) throws IOException, InterruptedException {
    Optional<Path> dot = dot();
    Assumptions.assumeTrue(dot.isPresent(), "Graphviz's dot is not on the PATH");
    Path input = dir.resolve("graph.dot");
    Files.writeString(input, text, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(dot.get().toString(), "-Tsvg", input.toString())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    byte[] svg = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(dir.resolve("stderr.txt"))).as("dot's warnings").isEmpty();
    assertThat(process.exitValue()).isZero();
    return new String(svg, StandardCharsets.UTF_8);
  }

  @Test
  void dot_renders_the_neuron_with_its_numbers() throws Exception {
    GraphLabels.Builder labels = GraphLabels.builder();
    Value o = DotTextTest.neuron(labels);

    String svg = render(ValueGraph.trace(o, labels.build()).toDot());

    assertThat(svg).contains("<svg", "<title>v0</title>", "data 0.7071", "grad &#45;1.5000", "tanh");
  }

  @Test
  void dot_renders_names_with_record_characters_quotes_and_backslashes() throws Exception {
    Value a = Value.of(1.0);
    Value c = a.mul(2.0);
    GraphLabels labels = GraphLabels.builder().name(a, "a{1}|<p> \"q\" \\ n").op(c, "times \"two\"\n\\").build();

    String svg = render(ValueGraph.trace(c, labels).toDot());

    assertThat(svg).contains(">a{1}|&lt;p&gt; &quot;q&quot; \\ n</text>", ">times &quot;two&quot;</text>", ">\\</text>");
  }

  @Test
  void dot_renders_a_graph_merged_by_both_limits() throws Exception {
    Value a = Value.of(1.0);
    Value[] terms = new Value[40];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = a.mul(i).tanh().add(Value.of(i));
    }
    ValueGraph graph = ValueGraph.trace(Value.sum(terms), GraphLabels.none(), new GraphLimits(6, 3));

    String svg = render(graph.toDot());

    assertThat(graph.note()).contains("only the last 3 of 5 layers are drawn", "merge the rest");
    assertThat(svg).contains("… 81 earlier values", "… 35 more values", "Showing 11 of 162 values");
  }
}
