package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.retrograd.demo.Main;
import dev.retrograd.train.Checkpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signals to a real {@code retrograd train} in a child JVM: it stops at the next step, writes
 * its files for the epochs it completed, prints the command that resumes it, and exits 128 + the
 * signal's number; while it runs, its folder is refused to a second run.
 */
class TrainSignalTest {

  @TempDir
  Path dir;

  private static final String EPOCHS = "100000";

  private static List<String> command(Path out) {
    return List.of("train", "--dataset", "moons", "--samples", "600", "--hidden", "16", "--epochs", EPOCHS,
        "--progress", "quiet", "--out", out.toString());
  }

  /** The child, its output and what it printed so far. */
  private record Child(Process process, BufferedReader output, List<String> lines) {}

  private Child startAndAwaitEpoch(Path out, int epochs) throws IOException {
    List<String> command = new ArrayList<>(signalsAsDefault());
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(command(out));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.redirectError(dir.resolve("child-" + out.getFileName() + ".err").toFile());
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    int seen = 0;
    for (String line = output.readLine(); line != null && seen < epochs; line = output.readLine()) {
      lines.add(line);
      seen += line.startsWith("epoch ") ? 1 : 0;
    }
    assertThat(seen).as("epochs printed before the child ended: %s", lines).isEqualTo(epochs);
    return new Child(process, output, lines);
  }

  /** Reads the rest of the child's output and waits for its exit code. */
  private static int finish(Child child) throws Exception {
    try (BufferedReader output = child.output()) {
      output.lines().forEach(child.lines()::add);
    }
    assertThat(child.process().waitFor(120, TimeUnit.SECONDS)).as("the child ends after the signal").isTrue();
    return child.process().exitValue();
  }

  /**
   * Returns the prefix that starts the child with SIGINT handled by default: a shell without job
   * control starts background commands with SIGINT ignored, and a child inherits that.
   */
  private static List<String> signalsAsDefault() {
    try {
      if (new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) {
        return List.of("env", "--default-signal=INT");
      }
    } catch (IOException | InterruptedException e) {
      // no such env
    }
    return List.of();
  }

  /** Returns whether this process ignores SIGINT (Linux's /proc tells; elsewhere assume not). */
  private static boolean ignoresInterrupt() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn:"))
          .anyMatch(line -> (Long.parseLong(line.substring(7).strip(), 16) & 0b10) != 0);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void send(String signal, long pid) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
  }

  private void requireStoppedRun(Path out, List<String> lines, String signal) throws IOException {
    int completed = Checkpoint.read(out.resolve("checkpoint.txt")).epoch();
    List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(rows).hasSize(completed + 1);
    assertThat(rows.get(completed)).startsWith(completed + ",");
    assertThat(lines).contains("stopped   by " + signal + " in epoch " + (completed + 1) + " of " + EPOCHS
        + "; the files hold epochs 1 to " + completed);
    assertThat(lines).contains("resume    retrograd " + String.join(" ", command(out)) + " --resume "
        + out.resolve("checkpoint.txt"));
    assertThat(lines).anyMatch(line -> line.startsWith("wrote     " + out.resolve("metrics.csv") + ", "
        + out.resolve("loss.png")));
    for (String plot : List.of("loss.png", "accuracy.png", "gradients.png", "decision_boundary.png")) {
      assertThat(out.resolve(plot)).isNotEmptyFile();
    }
    assertThat(out.resolve("run.lock")).as("released").isEmptyFile();
  }

  @Test
  void sigint_stops_the_run_which_writes_its_files_says_how_to_resume_and_exits_130() throws Exception {
    boolean defaultable = !signalsAsDefault().isEmpty();
    assumeFalse(!defaultable && ignoresInterrupt(),
        "this process ignores SIGINT, its children inherit that, and env --default-signal is missing");
    Path out = dir.resolve("interrupted");
    Child child = startAndAwaitEpoch(out, 2);
    try {
      Cli second = Cli.run(command(out).toArray(String[]::new));
      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.err()).startsWith("retrograd: " + out + " is in use by another run (pid ")
          .contains(": retrograd " + String.join(" ", command(out)) + "). Wait for it to end, or choose another"
              + " folder with --out.").hasLineCount(1);

      send("INT", child.process().pid());
      assertThat(finish(child)).as("exit code; printed %s", child.lines()).isEqualTo(130);
    } finally {
      child.process().destroyForcibly();
    }
    requireStoppedRun(out, child.lines(), "SIGINT");

    int completed = Checkpoint.read(out.resolve("checkpoint.txt")).epoch();
    List<String> resume = new ArrayList<>(command(out));
    resume.set(resume.indexOf(EPOCHS), Integer.toString(completed + 2));
    resume.addAll(List.of("--resume", out.resolve("checkpoint.txt").toString()));
    Cli resumed = Cli.run(resume.toArray(String[]::new));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("metrics.csv")).stream().skip(1).map(row -> row.split(",")[0]))
        .as("each epoch once, in order").containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, completed + 2).mapToObj(Integer::toString).toList());
  }

  @Test
  void sigterm_stops_the_run_the_same_way_and_exits_143() throws Exception {
    Path out = dir.resolve("terminated");
    Child child = startAndAwaitEpoch(out, 2);
    try {
      child.process().toHandle().destroy();  // SIGTERM on Unix; Process.destroy would close the output too
      assertThat(finish(child)).as("exit code; printed %s", child.lines()).isEqualTo(143);
    } finally {
      child.process().destroyForcibly();
    }
    requireStoppedRun(out, child.lines(), "SIGTERM");
  }
}
