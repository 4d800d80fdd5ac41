package dev.retrograd.demo.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void run(TrainingProgress progress, int epochs, int stepsPerEpoch) {
    progress.start((long) epochs * stepsPerEpoch);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      for (int step = 0; step < stepsPerEpoch; step++) {
        progress.step(epoch, 1.0 / epoch);
      }
    }
  }

  @Test
  void clear_line_blanks_the_bar_so_a_report_line_starts_clean() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.BAR, out)) {
      progress.start(10);
      progress.step(1, 0.5);
      int before = output().length();
      progress.clearLine();

      // the library's thread may redraw around it, so look for the blanking anywhere after the step
      assertThat(output().substring(before)).containsPattern("\\r {20,}\\r");
    }
  }

  @Test
  void clear_line_prints_nothing_in_lines_mode() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.LINES, out)) {
      progress.start(10);
      progress.step(1, 0.5);
      int before = output().length();
      progress.clearLine();

      assertThat(output().length()).isEqualTo(before);
    }
  }

  @Test
  void lines_mode_prints_one_line_per_tenth_of_the_run() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.LINES, out)) {
      run(progress, 20, 50);
    }

    List<String> lines = output().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0)).matches("train  10% \\(100/1000 steps\\), epoch 2, loss 0\\.5000, \\d+:\\d\\d:\\d\\d elapsed");
    assertThat(lines.get(3)).startsWith("train  40% (400/1000 steps), epoch 8, loss 0.1250, ");
    assertThat(lines.get(9)).startsWith("train 100% (1000/1000 steps), epoch 20, loss 0.0500, ");
  }

  @Test
  void lines_mode_says_where_a_run_stopped_early() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.LINES, out)) {
      progress.start(100);
      for (int i = 0; i < 37; i++) {
        progress.step(4, Double.NaN);
      }
    }

    List<String> lines = output().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).startsWith("train  30% (30/100 steps), epoch 4, loss NaN, ");
    assertThat(lines.get(3)).startsWith("train stopped at 37% (37/100 steps), epoch 4, loss NaN, ");
  }

  @Test
  void lines_mode_prints_nothing_more_past_the_planned_steps() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.LINES, out)) {
      run(progress, 1, 10);
      progress.step(2, 0.1);
      progress.step(2, 0.1);
      assertThat(progress.stepsDone()).isEqualTo(12);
    }

    assertThat(output().lines()).hasSize(10);
  }

  @Test
  void a_few_steps_print_a_line_for_each_tenth_they_cross() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.LINES, out)) {
      run(progress, 1, 3);
    }

    assertThat(output().lines().map(l -> l.substring(0, l.indexOf(')') + 1)))
        .containsExactly("train  33% (1/3 steps)", "train  66% (2/3 steps)", "train 100% (3/3 steps)");
  }

  @Test
  void bar_mode_on_a_stream_that_is_no_terminal_completes_with_the_last_epoch_and_loss() {
    TrainingProgress progress = TrainingProgress.create(ProgressMode.BAR, out);
    run(progress, 4, 25);
    progress.close();

    assertThat(progress.mode()).isEqualTo(ProgressMode.BAR);
    assertThat(output()).contains("train 100%", "100/100", "epoch 4, loss 0.2500").endsWith(System.lineSeparator());
  }

  @Test
  void bar_mode_grows_when_the_run_takes_more_steps_than_planned() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.BAR, out)) {
      run(progress, 1, 5);
      progress.step(2, 0.5);
    }

    assertThat(output()).contains("6/6", "epoch 2, loss 0.5000");
  }

  @Test
  void quiet_mode_prints_nothing() {
    try (TrainingProgress progress = TrainingProgress.create(ProgressMode.QUIET, out)) {
      run(progress, 3, 10);
      assertThat(progress.stepsDone()).isEqualTo(30);
    }
    try (TrainingProgress progress = TrainingProgress.quiet()) {
      run(progress, 3, 10);
    }

    assertThat(output()).isEmpty();
  }

  @Test
  void auto_mode_draws_a_bar_on_a_terminal_and_lines_elsewhere() {
    assertThat(TrainingProgress.create(ProgressMode.AUTO, out, true).mode()).isEqualTo(ProgressMode.BAR);
    assertThat(TrainingProgress.create(ProgressMode.AUTO, out, false).mode()).isEqualTo(ProgressMode.LINES);
    assertThat(TrainingProgress.create(ProgressMode.AUTO, out).mode()).isEqualTo(ProgressMode.LINES);
    assertThat(TrainingProgress.create(ProgressMode.QUIET, out, true).mode()).isEqualTo(ProgressMode.QUIET);
  }

  @Test
  void without_a_console_there_is_no_interactive_terminal() {
    assertThat(ProgressMode.interactiveTerminal(null, Map.of("TERM", "xterm-256color"))).isFalse();
  }

  @Test
  void a_step_before_start_is_an_error() {
    TrainingProgress progress = TrainingProgress.create(ProgressMode.LINES, out);

    assertThatThrownBy(() -> progress.step(1, 0.5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("step() before start(totalSteps); call start with epochs × steps per epoch first");
  }

  @Test
  void the_total_must_be_positive() {
    assertThatThrownBy(() -> TrainingProgress.quiet().start(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("totalSteps must be > 0, was 0");
  }

  @Test
  void start_happens_once() {
    TrainingProgress progress = TrainingProgress.quiet();
    progress.start(10);

    assertThatThrownBy(() -> progress.start(10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("start() was already called with 10 steps; create a new TrainingProgress for another run");
  }

  @Test
  void nothing_goes_after_close_but_another_close() {
    TrainingProgress progress = TrainingProgress.create(ProgressMode.LINES, out);
    progress.start(10);
    progress.close();
    progress.close();

    assertThatThrownBy(() -> progress.step(1, 0.5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("step() after close()");
    assertThatThrownBy(() -> progress.start(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("start() after close(); create a new TrainingProgress for another run");
    assertThat(output()).isEmpty();
  }

  @Test
  void closing_before_start_prints_nothing() {
    TrainingProgress.create(ProgressMode.BAR, out).close();
    TrainingProgress.create(ProgressMode.LINES, out).close();

    assertThat(output()).isEmpty();
  }
}
