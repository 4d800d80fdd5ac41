package dev.retrograd.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library programs, run on an iris-like CSV file that the test writes. */
class LibraryExampleTest {

  /** Each species' mean sepal length, sepal width, petal length and petal width, as in Fisher's iris. */
  private static final double[][] MEANS = {{5.0, 3.4, 1.5, 0.2}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.6, 2.0}};
  private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

  @TempDir
  Path dir;

  @Test
  void the_library_program_classifies_a_new_flower() throws Exception {
    Path csv = dir.resolve("iris.csv");
    Files.write(csv, irisLikeRows(150, 3));

    String printed = ReadmeSnippet.named("library").replacing("iris.csv", csv.toString()).run();

    assertThat(printed.lines()).containsExactly("virginica");
  }

  @Test
  void the_predictor_program_classifies_a_raw_row_with_a_checkpoint_of_the_command_line() throws Exception {
    Path csv = dir.resolve("iris.csv");
    Files.write(csv, irisLikeRows(150, 3));
    Path run = dir.resolve("iris");
    int trained = dev.retrograd.demo.Main.run(new String[] {"train", "--data", csv.toString(), "--epochs", "30",
        "--progress", "quiet", "--out", run.toString()}, new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()));
    assertThat(trained).isZero();

    String printed = ReadmeSnippet.named("predictor")
        .replacing("runs/iris/checkpoint.txt", run.resolve("checkpoint.txt").toString()).run();

    assertThat(printed.lines()).hasSize(1);
    assertThat(printed).startsWith("virginica [");
    String[] probabilities = printed.strip().replaceAll(".*\\[|\\]", "").split(", ");
    assertThat(probabilities).hasSize(3);
    assertThat(java.util.Arrays.stream(probabilities).mapToDouble(Double::parseDouble).sum())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  private static List<String> irisLikeRows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>(List.of("sepal_length,sepal_width,petal_length,petal_width,species"));
    for (int i = 0; i < n; i++) {
      int species = i % 3;
      StringBuilder line = new StringBuilder();
      for (double mean : MEANS[species]) {
        line.append(String.format(Locale.ROOT, "%.1f,", Math.max(0.1, mean + 0.3 * gaussian(random))));
      }
      lines.add(line.append(SPECIES[species]).toString());
    }
    return lines;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
