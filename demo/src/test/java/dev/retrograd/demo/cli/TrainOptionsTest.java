package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every option is checked before the data are loaded or any line is printed. */
class TrainOptionsTest {

  @TempDir
  Path dir;

  /** How many runs this test made: each writes into a folder of its own, as a new run into one that holds a run is refused. */
  private int runs;

  /** Runs train with {@code extra}, plus a small moons run's options that {@code extra} does not set. */
  private Cli train(String... extra) {
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(List.of(extra));
    String[][] defaults = {{"--samples", "120"}, {"--hidden", "8"}, {"--epochs", "2"}, {"--progress", "quiet"},
        {"--out", dir.resolve("run" + ++runs).toString()}, {"--dataset", "moons"}};
    for (String[] option : defaults) {
      if (!args.contains(option[0]) && !(option[0].equals("--dataset") && args.contains("--data"))) {
        args.addAll(List.of(option));
      }
    }
    return Cli.run(args.toArray(String[]::new));
  }

  /** Asserts a one-line error and nothing on standard output: no data, model or training line came first. */
  private static void assertRefusedBeforeAnyLine(Cli run, String message) {
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("retrograd: " + message + "\n");
  }

  @Test
  void a_bad_hyperparameter_optimizer_or_progress_mode_is_refused_before_any_line() {
    assertRefusedBeforeAnyLine(train("--hp", "lr=0.01,bogus=1"), "Optimizer 'adam' has no hyperparameter 'bogus';"
        + " it accepts [lr=0.001 (>= 0), beta1=0.9 (in [0, 1)), beta2=0.999 (in [0, 1)), eps=1.0E-8 (>= 0),"
        + " weight_decay=0.0 (>= 0), amsgrad=false].");
    assertRefusedBeforeAnyLine(train("--optimizer", "adamx"),
        "Unknown optimizer 'adamx'; available: [adagrad, adam, adamw, lion, rmsprop, sgd].");
    assertRefusedBeforeAnyLine(train("--progress", "fancy"),
        "Unknown progress mode 'fancy'; available: [auto, bar, lines, quiet].");
  }

  @Test
  void plugins_schedule_and_clipping_are_refused_before_any_line() {
    assertThat(train("--activation", "relux").err()).startsWith("retrograd: Unknown activation 'relux'");
    assertThat(train("--activation", "relux").out()).isEmpty();
    assertThat(train("--initializer", "he").out()).isEmpty();
    assertThat(train("--initializer", "he").err()).startsWith("retrograd: Unknown initializer 'he'");
    assertThat(train("--loss", "mse", "--loss-hp", "delta=1").err()).startsWith("retrograd: Loss 'mse' has no");
    assertThat(train("--output-activation", "softmaxx").err()).startsWith("retrograd: Unknown activation 'softmaxx'");
    assertRefusedBeforeAnyLine(train("--clip-norm", "1", "--clip-value", "1"),
        "choose one of --clip-norm and --clip-value, not both");
    Cli schedule = train("--schedule", "step:gamma=0.5");
    assertThat(schedule.out()).isEmpty();
    assertThat(schedule.err()).startsWith("retrograd: Schedule 'step' ").hasLineCount(1);
    Cli epochs = train("--epochs", "0");
    assertRefusedBeforeAnyLine(epochs, "epochs must be >= 1, was 0");
  }

  @Test
  void a_bad_option_is_refused_before_a_missing_data_file_is_even_looked_at() {
    assertRefusedBeforeAnyLine(train("--data", dir.resolve("missing.csv").toString(), "--hp", "lr=-1"),
        "Optimizer 'adam' needs lr >= 0, was -1; it accepts [lr=0.001 (>= 0), beta1=0.9 (in [0, 1)), beta2=0.999"
            + " (in [0, 1)), eps=1.0E-8 (>= 0), weight_decay=0.0 (>= 0), amsgrad=false].");
  }

  @Test
  void hp_overrides_the_command_lines_defaults_key_by_key_and_the_header_shows_the_lr_in_use() {
    Cli beta = train("--hp", "beta1=0.8");
    Cli lr = train("--hp", "lr=0.003,beta1=0.8");
    Cli none = train();
    Cli sgd = train("--optimizer", "sgd", "--hp", "momentum=0.9");

    assertThat(beta.out()).contains("training  adam(lr=0.01,beta1=0.8) on cross_entropy()");
    assertThat(beta.out()).contains("epoch 1/2  lr 0.01000");
    assertThat(lr.out()).contains("training  adam(lr=0.003,beta1=0.8) on");
    assertThat(none.out()).contains("training  adam(lr=0.01) on");
    assertThat(sgd.out()).contains("training  sgd(lr=0.01,momentum=0.9) on");
  }

  @Test
  void a_loss_that_does_not_fit_the_task_is_refused() {
    assertRefusedBeforeAnyLine(train("--dataset", "sine", "--loss", "cross_entropy"),
        "Loss 'cross_entropy' does not fit regression: it compares class scores with classes, so against a number"
            + " it trains to nonsense. Losses that fit: [huber, l1, mse, smooth_l1] (--loss mse).");
    assertThat(train("--dataset", "sine", "--loss", "hinge").err()).startsWith("retrograd: Loss 'hinge' does not fit");
    assertThat(train("--loss", "mse").exitCode()).as("mse on one-hot classes fits").isZero();
  }

  @Test
  void a_loss_that_does_not_fit_a_given_task_is_refused_before_the_file_is_read() {
    assertRefusedBeforeAnyLine(train("--data", dir.resolve("missing.csv").toString(), "--task", "regression",
        "--loss", "nll"), "Loss 'nll' does not fit regression: it compares class scores with classes, so against a"
        + " number it trains to nonsense. Losses that fit: [huber, l1, mse, smooth_l1] (--loss mse).");
  }

  @Test
  void a_validation_or_test_fraction_over_one_half_is_refused() {
    assertRefusedBeforeAnyLine(train("--validation-fraction", "0.99"), "--validation-fraction must be in [0, 0.5],"
        + " was 0.99; more would leave fewer examples to train on than to validate, use 0 for none.");
    assertRefusedBeforeAnyLine(train("--test-fraction", "0.9"), "--test-fraction must be in (0, 0.5], was 0.9;"
        + " more would leave fewer examples to train on than to test.");
    assertThat(train("--validation-fraction", "0").exitCode()).isZero();
  }

  @Test
  void very_few_training_examples_are_trained_on_with_a_warning() {
    Logger logger = (Logger) LoggerFactory.getLogger(TrainCommand.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    logger.addAppender(warnings);
    logger.setAdditive(false);
    try {
      Cli run = train("--samples", "12", "--validation-fraction", "0.2");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("Only 7 examples are"
          + " left to train on (3 for test, 2 for validation); the scores will say little.");
    } finally {
      logger.setAdditive(true);
      logger.detachAppender(warnings);
    }
  }

  @Test
  void a_missing_checkpoint_to_resume_is_refused_before_any_line() {
    assertRefusedBeforeAnyLine(train("--resume", dir.resolve("nope.txt").toString()),
        "Cannot resume from " + dir.resolve("nope.txt") + ": no such file.");
  }
}
