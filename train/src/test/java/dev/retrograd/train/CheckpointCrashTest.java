package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a JVM writing checkpoints in a loop is killed with SIGKILL at random moments,
 * mid-write among them. After every kill the checkpoint reads whole and valid; the temporary file
 * a kill leaves is deleted by the next write, so they never pile up.
 */
class CheckpointCrashTest {

  @TempDir
  Path folder;

  @Test
  void a_jvm_killed_while_writing_leaves_the_last_checkpoint_whole_and_no_temporary_files_pile_up() throws Exception {
    Path file = folder.resolve("checkpoint.txt");
    CheckpointWriterProcess.of(0).write(file);
    Random random = new Random(20240607);
    int epoch = 0;
    int killedMidWrite = 0;
    for (int round = 1; round <= 4; round++) {
      Process child = start(file, epoch + 1, 0);
      awaitLine(child, "ready");
      if (round % 2 == 1) {
        Thread.sleep(random.nextInt(1000));  // anywhere: before, inside or between writes
      } else {
        awaitTemporaryFileOf(child);  // inside a write, wherever the polling finds it
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      Checkpoint read = Checkpoint.read(file);
      assertThat(read.epoch()).as("round %d never goes back", round).isGreaterThanOrEqualTo(epoch);
      requireWhole(read);
      List<Path> temporary = temporaryFiles();
      assertThat(temporary).as("round %d: at most the one file the kill interrupted", round).hasSizeLessThanOrEqualTo(1);
      if (!temporary.isEmpty()) {
        killedMidWrite++;
      }
      epoch = read.epoch();
    }

    Process last = start(file, epoch + 1, 1);
    awaitLine(last, "wrote " + (epoch + 1));
    assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).isZero();

    assertThat(killedMidWrite).as("kills that landed inside a write").isGreaterThanOrEqualTo(1);
    assertThat(temporaryFiles()).as("the next write deletes what the killed ones left").isEmpty();
    assertThat(Checkpoint.read(file).epoch()).isEqualTo(epoch + 1);
    requireWhole(Checkpoint.read(file));
  }

  /** Waits until {@code child} has created its temporary file, that is, until it is inside a write. */
  private void awaitTemporaryFileOf(Process child) throws IOException, InterruptedException {
    String marker = "checkpoint.txt." + child.pid() + ".";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(folder)) {
        if (files.anyMatch(path -> path.getFileName().toString().startsWith(marker))) {
          return;
        }
      }
      Thread.sleep(1);
    }
    throw new AssertionError("the child wrote no temporary file in 60 s");
  }

  /** Checks that every number of the checkpoint belongs to its epoch: no mix of two writes. */
  private static void requireWhole(Checkpoint read) {
    int epoch = read.epoch();
    assertThat(read.randomState()).isEqualTo(epoch);
    assertThat(read.optimizerState().get("step")).containsExactly(epoch);
    assertThat(read.parameters()).hasSize(CheckpointWriterProcess.PARAMETERS);
    assertThat(read.parameters().get("p0")).isEqualTo(CheckpointWriterProcess.parameter(epoch, 0));
    int last = CheckpointWriterProcess.PARAMETERS - 1;
    assertThat(read.parameters().get("p" + last)).isEqualTo(CheckpointWriterProcess.parameter(epoch, last));
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static Process start(Path file, int first, int count) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        CheckpointWriterProcess.class.getName(), file.toString(), Integer.toString(first), Integer.toString(count));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  /** Reads the child's output until {@code expected}, failing if it ends first. */
  private static void awaitLine(Process child, String expected) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.equals(expected)) {
        return;
      }
    }
    throw new AssertionError("the child ended without printing '" + expected + "'");
  }
}
