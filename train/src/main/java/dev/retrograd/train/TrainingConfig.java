package dev.retrograd.train;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.data.TargetEncoding;
import dev.retrograd.data.Task;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything that decides a training run, apart from the model and the data.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.of("adam", "cross_entropy", Task.CLASSIFICATION)
 *     .withOptimizer("adam", Hyperparameters.parse("lr=0.01"))
 *     .withEpochs(30).withBatchSize(16)
 *     .withSchedule(Schedule.parse("warmup_cosine:warmup=3"))
 *     .withClipping(Clipping.byNorm(1.0))
 *     .withValidationFraction(0.2).withSeed(7);
 * }</pre>
 *
 * @param optimizer the optimizer plugin's name, such as {@code sgd}
 * @param optimizerHyperparameters its hyperparameters; the lr among them is the schedule's base
 * @param loss the loss plugin's name, such as {@code mse}
 * @param lossHyperparameters its hyperparameters
 * @param l2 the L2 penalty factor λ: the loss gains {@code λ·Σθ²} (so each gradient gains
 *     {@code 2λθ}); 0 for none
 * @param epochs the number of passes over the training examples, ≥ 1
 * @param batchSize examples per step, ≥ 1; the last batch of an epoch may be smaller
 * @param schedule the learning rate per epoch
 * @param clipping the gradient clipping before each update
 * @param validationFraction the share of the examples held out for validation, in [0, 1); 0 for none
 * @param seed the seed of the validation split and of the shuffles
 * @param task classification or regression, which decides the metrics
 * @param targetEncoding how class labels become target rows: one-hot, or ±1 for a margin loss
 */
public record TrainingConfig(
    String optimizer,
    Hyperparameters optimizerHyperparameters,
    String loss,
    Hyperparameters lossHyperparameters,
    double l2,
    int epochs,
    int batchSize,
    Schedule schedule,
    Clipping clipping,
    double validationFraction,
    long seed,
    Task task,
    TargetEncoding targetEncoding) {

  /** Checks every field, naming the one out of range and its value. */
  public TrainingConfig {
    requireName("optimizer", optimizer);
    requireName("loss", loss);
    Objects.requireNonNull(optimizerHyperparameters, "optimizerHyperparameters");
    Objects.requireNonNull(lossHyperparameters, "lossHyperparameters");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(clipping, "clipping");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(targetEncoding, "targetEncoding");
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("l2 must be finite and >= 0, was " + l2);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, was " + batchSize);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1), was " + validationFraction);
    }
    schedule.requireFits(epochs);
  }

  private static void requireName(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must be a plugin name, such as "
          + (what.equals("loss") ? "mse" : "sgd") + ", was " + (name == null ? "null" : "'" + name + "'"));
    }
  }

  /**
   * Returns a configuration with the plugins' default hyperparameters, no L2 penalty, 10 epochs,
   * batches of 32, a constant learning rate, no clipping, no validation split and seed 42.
   */
  public static TrainingConfig of(String optimizer, String loss, Task task) {
    return new TrainingConfig(optimizer, Hyperparameters.empty(), loss, Hyperparameters.empty(), 0, 10, 32,
        Schedule.constant(), Clipping.none(), 0, 42, task, TargetEncoding.ONE_HOT);
  }

  /** Returns a copy with this optimizer and hyperparameters. */
  public TrainingConfig withOptimizer(String name, Hyperparameters hyperparameters) {
    return new TrainingConfig(name, hyperparameters, loss, lossHyperparameters, l2, epochs, batchSize, schedule,
        clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy with this loss and hyperparameters. */
  public TrainingConfig withLoss(String name, Hyperparameters hyperparameters) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, name, hyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy with this L2 penalty factor. */
  public TrainingConfig withL2(double l2) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy with this number of epochs. */
  public TrainingConfig withEpochs(int epochs) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy with this batch size. */
  public TrainingConfig withBatchSize(int batchSize) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy with this schedule. */
  public TrainingConfig withSchedule(Schedule schedule) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy with this clipping. */
  public TrainingConfig withClipping(Clipping clipping) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy holding out this share of the examples for validation. */
  public TrainingConfig withValidationFraction(double validationFraction) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy with this seed. */
  public TrainingConfig withSeed(long seed) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy for this task. */
  public TrainingConfig withTask(Task task) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /** Returns a copy whose class targets are encoded as {@code targetEncoding}. */
  public TrainingConfig withTargetEncoding(TargetEncoding targetEncoding) {
    return new TrainingConfig(optimizer, optimizerHyperparameters, loss, lossHyperparameters, l2, epochs, batchSize,
        schedule, clipping, validationFraction, seed, task, targetEncoding);
  }

  /**
   * Returns a one-line summary, such as
   * {@code sgd(lr=0.1) on mse(), 20 epochs of batches of 32, schedule constant, clipping none, l2 0.0,
   * validation 0.2, seed 42, regression}.
   */
  public String describe() {
    return optimizer + "(" + optimizerHyperparameters + ") on " + loss + "(" + lossHyperparameters + "), " + epochs
        + " epochs of batches of " + batchSize + ", schedule " + schedule + ", clipping " + clipping + ", l2 " + l2
        + ", validation " + validationFraction + ", seed " + seed + ", "
        + task.name().toLowerCase(Locale.ROOT);
  }
}
