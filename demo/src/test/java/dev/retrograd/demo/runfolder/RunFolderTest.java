package dev.retrograd.demo.runfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

  @TempDir
  Path dir;

  private static final List<String> RUN_FILES = List.of("checkpoint.txt", "metrics.csv", "loss.png", "gradients.png");

  private RunFolder.Request request(Path out, Path resume, boolean overwrite) {
    return new RunFolder.Request(out, dir.resolve("runs/moons"), resume, overwrite, RUN_FILES, "retrograd train");
  }

  /** Makes {@code folder} hold a run: a checkpoint, a metrics.csv, a plot, and a file of the user's. */
  private static Path earlierRun(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String name : List.of("checkpoint.txt", "metrics.csv", "loss.png", "notes.txt")) {
      Files.writeString(folder.resolve(name), name);
    }
    return folder;
  }

  @Test
  void a_new_run_into_an_out_folder_that_holds_a_run_is_refused_saying_what_to_do() throws IOException {
    Path out = earlierRun(dir.resolve("mine"));

    assertThatThrownBy(() -> RunFolder.open(request(out, null, false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(out + " holds an earlier run (checkpoint.txt, metrics.csv), which a new run would replace. Continue"
            + " it with --resume " + out.resolve("checkpoint.txt") + ", replace it with --overwrite, or choose another"
            + " folder with --out.");
    assertThat(Files.readString(out.resolve("checkpoint.txt"))).isEqualTo("checkpoint.txt");
    assertThat(Files.readString(out.resolve("run.lock"))).as("released").isEmpty();
  }

  @Test
  void overwrite_deletes_the_earlier_runs_files_and_only_those() throws IOException {
    Path out = earlierRun(dir.resolve("mine"));

    try (RunFolder folder = RunFolder.open(request(out, null, true))) {
      assertThat(folder.path()).isEqualTo(out);
      assertThat(folder.notes()).containsExactly("--overwrite: deleted the earlier run's checkpoint.txt, metrics.csv,"
          + " loss.png in " + out);
    }
    assertThat(out.resolve("checkpoint.txt")).doesNotExist();
    assertThat(out.resolve("metrics.csv")).doesNotExist();
    assertThat(out.resolve("loss.png")).doesNotExist();
    assertThat(out.resolve("notes.txt")).hasContent("notes.txt");
  }

  @Test
  void without_out_a_new_run_takes_the_first_numbered_folder_that_is_free_and_in_use_by_none() throws IOException {
    earlierRun(dir.resolve("runs/moons"));
    try (RunLock busy = RunLock.tryAcquire(dir.resolve("runs/moons-2"), "another run").orElseThrow();
        RunFolder folder = RunFolder.open(request(null, null, false))) {
      assertThat(folder.path()).isEqualTo(dir.resolve("runs/moons-3"));
      assertThat(folder.notes()).containsExactly(dir.resolve("runs/moons") + " holds an earlier run or is in use, so"
          + " this run writes into " + dir.resolve("runs/moons-3") + " (--out chooses the folder; --overwrite replaces"
          + " the earlier run)");
    }
    try (RunFolder folder = RunFolder.open(request(null, null, false))) {
      assertThat(folder.path()).as("free again").isEqualTo(dir.resolve("runs/moons-2"));
    }
    assertThat(dir.resolve("runs/moons/checkpoint.txt")).hasContent("checkpoint.txt");
  }

  @Test
  void a_resume_continues_in_its_checkpoints_folder_unless_out_names_another() throws IOException {
    Path earlier = earlierRun(dir.resolve("runs/moons"));
    Path checkpoint = earlier.resolve("checkpoint.txt");

    try (RunFolder folder = RunFolder.open(request(null, checkpoint, false))) {
      assertThat(folder.path()).isEqualTo(earlier);
      assertThat(folder.notes()).isEmpty();
    }
    try (RunFolder folder = RunFolder.open(request(dir.resolve("copy"), checkpoint, false))) {
      assertThat(folder.path()).isEqualTo(dir.resolve("copy"));
    }
    Path other = earlierRun(dir.resolve("other"));
    assertThatThrownBy(() -> RunFolder.open(request(other, checkpoint, false)))
        .hasMessageStartingWith(other + " holds an earlier run (checkpoint.txt, metrics.csv), which a new run would"
            + " replace.");
  }

  @Test
  void overwrite_with_a_resume_into_the_checkpoints_own_folder_is_refused() throws IOException {
    Path checkpoint = earlierRun(dir.resolve("runs/moons")).resolve("checkpoint.txt");

    assertThatThrownBy(() -> RunFolder.open(request(null, checkpoint, true)))
        .hasMessage("--overwrite would delete the run that --resume " + checkpoint + " continues; leave out --overwrite"
            + " to continue it in " + dir.resolve("runs/moons") + ".");
    assertThat(checkpoint).hasContent("checkpoint.txt");
  }

  @Test
  void an_out_that_is_a_file_is_refused_saying_so() throws IOException {
    Path file = Files.writeString(dir.resolve("results.csv"), "a,b\n");

    assertThatThrownBy(() -> RunFolder.open(request(file, null, false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot write into the run folder " + file + ": " + file + " is a file, not a folder. Choose"
            + " another folder with --out.");
  }

  @Test
  void a_folder_in_use_is_refused_naming_its_owner_and_free_once_released() throws IOException {
    Path out = dir.resolve("busy");
    RunLock first = RunLock.tryAcquire(out, "./retrograd train --out busy").orElseThrow();

    assertThatThrownBy(() -> RunFolder.open(request(out, null, false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching(java.util.regex.Pattern.quote(out + " is in use by another run (pid "
            + ProcessHandle.current().pid() + " on ") + ".+, started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: "
            + java.util.regex.Pattern.quote("./retrograd train --out busy). Wait for it to end, or choose another"
            + " folder with --out."));
    first.close();

    assertThat(Files.readString(out.resolve("run.lock"))).isEmpty();
    try (RunFolder folder = RunFolder.open(request(out, null, false))) {
      assertThat(Files.readString(out.resolve("run.lock"))).startsWith("pid " + ProcessHandle.current().pid() + "\n")
          .contains("\ncommand retrograd train\n");
      assertThat(folder.notes()).isEmpty();
    }
  }

  @Test
  void a_lock_held_by_another_process_refuses_and_one_left_by_a_killed_process_is_taken_over() throws Exception {
    Path out = dir.resolve("shared");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), out.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      assertThat(said).startsWith("locked ");

      assertThatThrownBy(() -> RunFolder.open(request(out, null, false)))
          .hasMessageStartingWith(out + " is in use by another run (pid " + holder.pid() + " on ")
          .hasMessageContaining(": lock-holder --out " + out + "). Wait for it to end");
    } finally {
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }

    try (RunFolder folder = RunFolder.open(request(out, null, false))) {
      assertThat(folder.notes()).singleElement().asString()
          .startsWith("took over the lock of " + out + " left by a run that no longer runs (pid " + holder.pid()
              + " on ")
          .endsWith(": lock-holder --out " + out + ")");
    }
  }
}
