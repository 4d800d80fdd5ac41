package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Modules;
import dev.retrograd.data.Dataset;
import dev.retrograd.demo.runfiles.RunFile;
import dev.retrograd.demo.runfiles.RunFiles;
import dev.retrograd.train.TrainingDivergedException;
import dev.retrograd.train.TrainingDivergedException.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user's data do to a run: any class count, any target magnitude, files that are not CSV text. */
class TrainInputsTest {

  @TempDir
  Path dir;

  private Cli train(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("train", "--hidden", "16", "--progress", "quiet", "--out",
        dir.resolve("run").toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private Path csv(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void twelve_classes_on_two_features_train_print_the_test_score_and_draw_the_boundary() throws IOException {
    SplittableRandom random = new SplittableRandom(1);
    StringBuilder text = new StringBuilder("x1,x2,label\n");
    for (int i = 0; i < 240; i++) {
      int k = i % 12;
      text.append(String.format(Locale.ROOT, "%.4f,%.4f,%d%n", k + 0.2 * random.nextGaussian(),
          k % 3 + 0.2 * random.nextGaussian(), k));
    }
    Cli run = train("--data", csv("twelve.csv", text.toString()).toString(), "--epochs", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("into 12 classes [0, 1, 2, …, 11] (20 to 20 rows each)").contains("test      loss ");
    assertThat(dir.resolve("run/decision_boundary.png")).isNotEmptyFile();
  }

  @Test
  void a_target_of_huge_magnitude_trains_and_is_reported_in_its_own_units() throws IOException {
    SplittableRandom random = new SplittableRandom(2);
    StringBuilder text = new StringBuilder("a,b,price\n");
    for (int i = 0; i < 300; i++) {
      double a = random.nextDouble(-1, 1);
      double b = random.nextDouble(-1, 1);
      text.append(a).append(',').append(b).append(',').append(1e12 + 3e11 * (a + 0.5 * b)).append('\n');
    }
    Cli run = train("--data", csv("prices.csv", text.toString()).toString(), "--epochs", "30");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("regression, target standardized (mean ");
    Matcher test = Pattern.compile("test      loss (\\S+) mse (\\S+) r2 (\\S+) on 60 examples").matcher(run.out());
    assertThat(test.find()).as(run.out()).isTrue();
    assertThat(Double.parseDouble(test.group(3))).isGreaterThan(0.9);
    assertThat(Double.parseDouble(test.group(2))).as("mse in the target's units").isGreaterThan(1e12)
        .isEqualTo(Double.parseDouble(test.group(1)));
  }

  @Test
  void a_csv_error_is_one_line_and_nothing_else() throws IOException {
    StringBuilder text = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 50; i++) {
      text.append(i).append(',').append(i % 7).append(',').append(i == 20 ? "NaN" : Double.toString(i * 1.5))
          .append('\n');
    }
    Cli run = train("--data", csv("data.csv", text.toString()).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("retrograd: data.csv line 22, field 'y': 'NaN' is not a finite number; the target"
        + " column 'y' holds numbers, and each row needs a finite one (fix or remove the row)\n");
  }

  @Test
  void files_that_are_not_csv_text_name_their_cause() throws IOException {
    Path latin1 = Files.write(dir.resolve("cafe.csv"), "a,name\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Path missing = dir.resolve("iris.csv");

    assertThat(train("--data", latin1.toString()).err()).isEqualTo("retrograd: cafe.csv line 2 is not UTF-8 text"
        + " (byte 0xE9); save the file as UTF-8 (it may be Latin-1 or Windows-1252)\n");
    assertThat(train("--data", missing.toString()).err()).isEqualTo("retrograd: Cannot read " + missing
        + ": no such file\n");
    assertThat(train("--data", dir.toString()).err()).isEqualTo("retrograd: Cannot read " + dir
        + ": it is a folder, not a file\n");
  }

  @Test
  void a_text_file_named_jar_is_refused() throws IOException {
    Path fake = Files.writeString(dir.resolve("fake.jar"), "not a jar");

    Cli run = train("--plugins", fake.toString(), "--dataset", "moons");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("retrograd: Plugin jar " + fake + " is not a jar (zip) file (").hasLineCount(1);
  }

  @Test
  void a_picture_that_fails_hides_neither_the_scores_nor_the_other_files() {
    Map<String, RunFile> files = new LinkedHashMap<>();
    files.put("broken.png", (run, file) -> {
      throw new IllegalStateException("the palette ran out");
    });
    files.put("epochs.txt", (run, file) -> Files.writeString(file, run.epochs().size() + " epochs\n"));
    Module module = Modules.override(new CommandLineModule()).with(new AbstractModule() {
      @Override
      protected void configure() {
        bind(RunFiles.class).toInstance(new RunFiles(files));
      }
    });

    Cli run = Cli.run(module, "train", "--dataset", "moons", "--samples", "60", "--hidden", "4", "--epochs", "2",
        "--progress", "quiet", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("test      loss ").contains("wrote     " + dir.resolve("metrics.csv") + ", "
        + dir.resolve("epochs.txt") + ", " + dir.resolve("checkpoint.txt"));
    assertThat(dir.resolve("epochs.txt")).hasContent("2 epochs");
    assertThat(run.err()).isEqualTo("retrograd: Could not write broken.png (the palette ran out); wrote "
        + dir.resolve("epochs.txt") + "\n");
  }

  @Test
  void a_nan_feature_from_a_data_source_is_named_by_row_and_feature() {
    DataSource poisoned = settings -> {
      double[][] x = new double[40][];
      int[] labels = new int[40];
      for (int i = 0; i < 40; i++) {
        x[i] = new double[] {i, i % 5 == 3 && i > 30 ? Double.NaN : i % 5};
        labels[i] = i % 2;
      }
      return Dataset.classification("poisoned", List.of("size", "weight"), x, List.of("a", "b"), labels);
    };
    Module module = Modules.override(new CommandLineModule()).with(new AbstractModule() {
      @Override
      protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, DataSource.class).addBinding("poisoned").toInstance(poisoned);
      }
    });

    Cli run = Cli.run(module, "train", "--dataset", "poisoned", "--hidden", "4", "--epochs", "2", "--progress",
        "quiet", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("retrograd: cannot standardize 'poisoned': row ")
        .endsWith(", feature 'weight' is NaN; features must be finite numbers\n").hasLineCount(1);
  }

  @Test
  void the_command_line_advice_follows_where_the_nan_came_from() {
    assertThat(TrainCommand.advice(diverged(Source.PARAMETER, "parameter layer1.bias[0] was already NaN")))
        .isEqualTo("Lower the learning rate (--hp lr=...) or clip gradients (--clip-norm 1.0).");
    assertThat(TrainCommand.advice(diverged(Source.OPERATION, "layer1 (4 bad he_normal) made the first value that is"
        + " not finite: op 'neuron' produced NaN from finite inputs")))
        .isEqualTo("Try another activation (--activation) or initializer, or lower the learning rate (--hp lr=...).");
    assertThat(TrainCommand.advice(diverged(Source.TARGET, "the target of an example is NaN")))
        .isEqualTo("Check the data for values that are not finite.");
  }

  private static TrainingDivergedException diverged(Source source, String diagnosis) {
    return new TrainingDivergedException(1, 1, Double.NaN, 0.01, null, source, diagnosis);
  }
}
