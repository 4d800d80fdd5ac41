package dev.retrograd.demo.cli;

import dev.retrograd.data.TargetEncoding;
import dev.retrograd.data.Task;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the command line knows about the built-in losses, in one place: the tasks each fits, the
 * target rows it compares with, and the output activation it needs by default.
 *
 * <p>A loss that compares class scores with class targets (cross-entropy, NLL, binary
 * cross-entropy, hinge) does not fit a regression: against one number it trains to nonsense
 * (cross-entropy over one output is 0 whatever the prediction). The distance losses fit both
 * tasks (mean squared error on one-hot rows is a classic classifier). The table lives here, not
 * in the plugin SPI: plugins know only the {@code api} module, where tasks do not exist, and the
 * command line already decided per loss its target encoding and output activation. <b>A plugin
 * loss not in the table is not checked.</b>
 */
final class LossTable {

  private static final Set<Task> BOTH = Set.of(Task.CLASSIFICATION, Task.REGRESSION);
  private static final Set<Task> CLASSES = Set.of(Task.CLASSIFICATION);

  private static final Map<String, Set<Task>> TASKS = Map.of(
      "mse", BOTH, "l1", BOTH, "huber", BOTH, "smooth_l1", BOTH,
      "cross_entropy", CLASSES, "nll", CLASSES, "binary_cross_entropy", CLASSES, "bce_with_logits", CLASSES,
      "hinge", CLASSES);

  private LossTable() {}

  /** Returns the loss a task trains with unless {@code --loss} says otherwise. */
  static String defaultLoss(Task task) {
    return task == Task.CLASSIFICATION ? "cross_entropy" : "mse";
  }

  /** Returns ±1 targets for hinge (a margin loss), one-hot rows otherwise. */
  static TargetEncoding targetEncoding(String loss) {
    return loss.equals("hinge") ? TargetEncoding.SIGNS : TargetEncoding.ONE_HOT;
  }

  /** Returns the output activation a loss needs unless {@code --output-activation} says otherwise. */
  static String outputActivation(String loss) {
    return loss.equals("binary_cross_entropy") ? "sigmoid" : "identity";
  }

  /**
   * Refuses a built-in loss that does not fit {@code task}, naming the losses that do.
   *
   * @throws IllegalArgumentException such as {@code Loss 'cross_entropy' does not fit regression ...}
   */
  static void requireFits(String loss, Task task) {
    Set<Task> fits = TASKS.get(loss);
    if (fits != null && !fits.contains(task)) {
      List<String> fitting = TASKS.entrySet().stream().filter(e -> e.getValue().contains(task)).map(Map.Entry::getKey)
          .sorted().toList();
      throw new IllegalArgumentException("Loss '" + loss + "' does not fit " + task.name().toLowerCase(Locale.ROOT)
          + ": it compares class scores with classes, so against a number it trains to nonsense. Losses that fit: "
          + fitting + " (--loss " + defaultLoss(task) + ").");
    }
  }
}
