package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Modules;
import dev.retrograd.data.Dataset;
import dev.retrograd.demo.runfiles.FinishedRun;
import dev.retrograd.demo.runfiles.RunFile;
import dev.retrograd.demo.runfiles.RunFiles;
import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's bindings swapped or added by a test module, with real commands run through the injector. */
class InjectedCommandLineTest {

  @TempDir
  Path dir;

  /** Forty points on an 8 × 5 grid, class 1 right of the vertical axis. */
  private static final DataSource GRID = settings -> {
    double[][] points = new double[40][];
    int[] labels = new int[40];
    for (int i = 0; i < 40; i++) {
      points[i] = new double[] {i % 8 - 3.5, i / 8 - 2.0};
      labels[i] = points[i][0] > 0 ? 1 : 0;
    }
    return Dataset.classification("grid", List.of("x1", "x2"), points, List.of("left", "right"), labels);
  };

  /** Records the runs it is handed and writes their epoch count. */
  private static final class RecordingRunFile implements RunFile {
    final List<FinishedRun> runs = new ArrayList<>();

    @Override
    public void write(FinishedRun run, Path file) throws IOException {
      runs.add(run);
      Files.writeString(file, run.epochs().size() + " epochs\n");
    }
  }

  private final RecordingRunFile recorder = new RecordingRunFile();

  /** The real command line, plus the grid data source, with the run's files swapped for the recorder. */
  private final Module withGridAndRecorder = Modules.override(new CommandLineModule()).with(new AbstractModule() {
    @Override
    protected void configure() {
      MapBinder.newMapBinder(binder(), String.class, DataSource.class).addBinding("grid").toInstance(GRID);
      bind(RunFiles.class).toInstance(new RunFiles(Map.of("run.txt", recorder)));
    }
  });

  @Test
  void train_trains_on_a_data_source_bound_by_a_test_and_writes_the_files_bound_by_it() {
    Cli run = Cli.run(withGridAndRecorder, "train", "--dataset", "grid", "--hidden", "4", "--epochs", "2",
        "--progress", "quiet", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("data      grid: ").contains(": 32 training and 8 test examples")
        .contains("wrote     " + dir.resolve("metrics.csv") + ", " + dir.resolve("run.txt") + ", "
            + dir.resolve("checkpoint.txt"));
    assertThat(recorder.runs).singleElement().satisfies(finished -> {
      assertThat(finished.epochs()).hasSize(2);
      assertThat(finished.points().name()).isEqualTo("grid");
      assertThat(finished.classifier().applyAsInt(new double[] {-3.5, 0})).isBetween(0, 1);
    });
    assertThat(dir.resolve("run.txt")).hasContent("2 epochs");
    assertThat(dir.resolve("loss.png")).doesNotExist();
  }

  @Test
  void an_unknown_data_set_lists_the_bound_ones() {
    Cli run = Cli.run(withGridAndRecorder, "train", "--dataset", "mooons", "--progress", "quiet", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: Unknown data set 'mooons'; available: [circles, digits, fashion-mnist,"
        + " grid, mnist, moons, sine, spiral, xor], or --data FILE.csv.\n");
  }

  @Test
  void the_registry_binding_is_swapped_for_one_a_test_builds() {
    Module emptyRegistry = Modules.override(new CommandLineModule()).with(new AbstractModule() {
      @Override
      protected void configure() {
        bind(Plugins.class).toInstance(Plugins.of(List.of()));
      }
    });

    Cli run = Cli.run(emptyRegistry, "plugins");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Optimizers (0)\nActivations (0)\nLosses (0)\nInitializers (0)\n");
  }
}
