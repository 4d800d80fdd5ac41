package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.retrograd.demo.runfiles.FinishedRun;
import dev.retrograd.demo.runfiles.RunFile;
import dev.retrograd.demo.runfiles.RunFiles;
import dev.retrograd.train.Checkpoint;
import dev.retrograd.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}'s run folder and history: metrics.csv continued on resume, a stop by signal, one run per folder. */
class RunHistoryCommandTest {

  @TempDir
  Path dir;

  /** 120 moons points: 96 for training, of which 10 for validation; 86 rows in batches of 32, 3 steps per epoch. */
  private static final List<String> MOONS = List.of("train", "--dataset", "moons", "--samples", "120", "--hidden", "8",
      "--optimizer", "sgd", "--hp", "lr=0.1,momentum=0.9", "--progress", "quiet");

  private static String[] args(String... extra) {
    List<String> args = new ArrayList<>(MOONS);
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** Records the epochs the plots are drawn from. */
  private static final class RecordingRunFile implements RunFile {
    final List<List<EpochMetrics>> histories = new ArrayList<>();

    @Override
    public void write(FinishedRun run, Path file) throws IOException {
      histories.add(run.epochs());
      Files.writeString(file, run.epochs().size() + " epochs\n");
    }
  }

  /** The command line with its stop signals, and its run files, swapped for a test's. */
  private static Module with(StopSignals signals, RunFile plots) {
    return Modules.override(new CommandLineModule()).with(new AbstractModule() {
      @Override
      protected void configure() {
        bind(StopSignals.class).toInstance(signals);
        bind(RunFiles.class).toInstance(new RunFiles(Map.of("plots.txt", plots)));
      }
    });
  }

  /** Signals that never come. */
  private static final StopSignals QUIET = () -> new StopSignals.Watch() {
    @Override
    public Optional<StopSignal> received() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  };

  /** A signal that comes when the run asks for the (asks + 1)-th time: before a step, counted from 1. */
  private static StopSignals arrivingAfter(int asks, StopSignal signal) {
    return () -> new StopSignals.Watch() {
      private int asked;
      private StopSignal received;

      @Override
      public Optional<StopSignal> received() {
        if (received == null && ++asked > asks) {
          received = signal;
        }
        return Optional.ofNullable(received);
      }

      @Override
      public void close() {}
    };
  }

  private static List<String> epochLines(Cli run) {
    return run.out().lines().filter(line -> line.startsWith("epoch ")).map(line -> line.replaceAll(
        "^epoch +(\\d+)/\\d+", "epoch $1").replaceAll("\\s+[0-9.]+s$", "")).toList();
  }

  @Test
  void a_resume_into_the_same_folder_continues_metrics_csv_and_the_plots_show_the_whole_history() throws IOException {
    Path out = dir.resolve("run");
    RecordingRunFile plots = new RecordingRunFile();
    Cli first = Cli.run(with(QUIET, plots), args("--epochs", "2", "--out", out.toString()));
    List<String> firstRows = Files.readAllLines(out.resolve("metrics.csv"));

    Cli resumed = Cli.run(with(QUIET, plots), args("--epochs", "4", "--resume", out.resolve("checkpoint.txt").toString()));

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("history   " + out.resolve("metrics.csv") + " continues after epoch 2\n");
    List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(rows).hasSize(5).startsWith(firstRows.toArray(String[]::new));
    assertThat(rows.subList(1, 5)).extracting(row -> row.substring(0, row.indexOf(','))).containsExactly("1", "2", "3", "4");
    assertThat(plots.histories).hasSize(2);
    assertThat(plots.histories.get(1)).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
  }

  @Test
  void a_run_stopped_by_a_signal_writes_its_files_says_how_to_resume_and_the_resume_matches_an_unstopped_run()
      throws IOException {
    Cli straight = Cli.run(with(QUIET, new RecordingRunFile()), args("--epochs", "4", "--out", dir.resolve("straight")
        .toString()));
    Path out = dir.resolve("stopped");
    RecordingRunFile plots = new RecordingRunFile();

    // asked before each of the 3 steps of epochs 1 and 2, then before step 1 of epoch 3: stops there
    Cli stopped = Cli.run(with(arrivingAfter(7, StopSignal.TERMINATE), plots),
        args("--epochs", "4", "--out", out.toString()));

    assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(143);
    assertThat(stopped.out()).contains("stopped   by SIGTERM in epoch 3 of 4; the files hold epochs 1 to 2\n");
    String resumeLine = stopped.out().lines().filter(line -> line.startsWith("resume    ")).findFirst().orElseThrow();
    assertThat(resumeLine).isEqualTo("resume    retrograd " + String.join(" ", MOONS) + " --epochs 4 --out " + out
        + " --resume " + out.resolve("checkpoint.txt"));
    assertThat(Checkpoint.read(out.resolve("checkpoint.txt")).epoch()).isEqualTo(2);
    assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(3);
    assertThat(plots.histories).singleElement().satisfies(epochs -> assertThat(epochs).hasSize(2));
    assertThat(out.resolve("run.lock")).isEmptyFile();

    String[] printed = resumeLine.substring("resume    retrograd ".length()).split(" ");
    Cli resumed = Cli.run(with(QUIET, plots), printed);

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    List<String> joined = new ArrayList<>(epochLines(stopped));
    joined.addAll(epochLines(resumed));
    assertThat(joined).containsExactlyElementsOf(epochLines(straight));
    assertThat(Files.readAllLines(out.resolve("metrics.csv")).stream().map(row -> row.substring(0, row.indexOf(','))))
        .containsExactly("epoch", "1", "2", "3", "4");
    assertThat(withoutTrainSeconds(Files.readAllLines(out.resolve("metrics.csv")).subList(1, 5)))
        .as("every column but train_seconds, the wall time").containsExactlyElementsOf(
            withoutTrainSeconds(Files.readAllLines(dir.resolve("straight/metrics.csv")).subList(1, 5)));
  }

  @Test
  void a_run_stopped_before_its_first_epoch_ends_writes_nothing() throws IOException {
    Path out = dir.resolve("early");

    Cli stopped = Cli.run(with(arrivingAfter(1, StopSignal.INTERRUPT), new RecordingRunFile()),
        args("--epochs", "4", "--out", out.toString()));

    assertThat(stopped.exitCode()).isEqualTo(130);
    assertThat(stopped.out()).endsWith("stopped   by SIGINT before epoch 1 ended; nothing was written, and there is"
        + " nothing to resume\n");
    try (var files = Files.list(out)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("run.lock");
    }
    assertThat(out.resolve("run.lock")).isEmptyFile();
  }

  @Test
  void a_new_run_into_a_folder_that_holds_a_run_is_refused_and_overwrite_replaces_it() throws IOException {
    Path out = dir.resolve("run");
    Cli first = Cli.run(with(QUIET, new RecordingRunFile()), args("--epochs", "3", "--out", out.toString()));
    byte[] checkpoint = Files.readAllBytes(out.resolve("checkpoint.txt"));

    Cli again = Cli.run(with(QUIET, new RecordingRunFile()), args("--epochs", "2", "--out", out.toString()));

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("retrograd: " + out + " holds an earlier run (checkpoint.txt, metrics.csv), which"
        + " a new run would replace. Continue it with --resume " + out.resolve("checkpoint.txt") + ", replace it with"
        + " --overwrite, or choose another folder with --out.\n");
    assertThat(Files.readAllBytes(out.resolve("checkpoint.txt"))).isEqualTo(checkpoint);

    Cli replaced = Cli.run(with(QUIET, new RecordingRunFile()), args("--epochs", "2", "--out", out.toString(),
        "--overwrite"));

    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    assertThat(replaced.out()).contains("folder    --overwrite: deleted the earlier run's checkpoint.txt, metrics.csv,"
        + " plots.txt in " + out + "\n");
    assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(3);
    assertThat(Checkpoint.read(out.resolve("checkpoint.txt")).epoch()).isEqualTo(2);
  }

  @Test
  void a_refused_resume_leaves_the_history_as_it_was() throws IOException {
    Path out = dir.resolve("run");
    Cli.run(with(QUIET, new RecordingRunFile()), args("--epochs", "2", "--out", out.toString()));
    byte[] before = Files.readAllBytes(out.resolve("metrics.csv"));

    Cli resumed = Cli.run(with(QUIET, new RecordingRunFile()), args("--epochs", "4", "--noise", "0.2",
        "--resume", out.resolve("checkpoint.txt").toString()));

    assertThat(resumed.exitCode()).isEqualTo(1);
    assertThat(resumed.err()).startsWith("retrograd: Checkpoint " + out.resolve("checkpoint.txt") + " was saved on other"
        + " data: the inputs of its 96 examples differ from this run's (checkpoint moons, inputs ").hasLineCount(1);
    assertThat(Files.readAllBytes(out.resolve("metrics.csv"))).isEqualTo(before);
    assertThat(Arrays.asList(out.toFile().list())).doesNotContain("plots.txt.tmp");
  }

  private static List<String> withoutTrainSeconds(List<String> rows) {
    return rows.stream().map(row -> row.substring(0, row.lastIndexOf(','))).toList();
  }
}
