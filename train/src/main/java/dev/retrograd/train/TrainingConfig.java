package dev.retrograd.train;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.PluginChoice;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.TargetEncoding;
import dev.retrograd.data.Task;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that decides a training run, apart from the model and the data: an immutable value,
 * made by a {@link Builder} that checks every field once, in {@link Builder#build()}.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder()
 *     .optimizer("adam", Hyperparameters.parse("lr=0.01"))
 *     .loss("cross_entropy")
 *     .task(Task.CLASSIFICATION)
 *     .epochs(30).batchSize(16)
 *     .schedule(Schedule.parse("warmup_cosine:warmup=3"))
 *     .clipping(Clipping.byNorm(1.0))
 *     .validationFraction(0.2).seed(7)
 *     .build();
 * TrainingConfig longer = config.toBuilder().epochs(60).build();
 * }</pre>
 *
 * <p>The optimizer and the loss are registered plugins, by name and hyperparameters, made by the
 * trainer's {@link dev.retrograd.api.PluginCatalog} for each run, or instances registered nowhere,
 * under a name that stands for them in messages and checkpoints:
 *
 * <pre>{@code
 * TrainingConfig custom = TrainingConfig.builder()
 *     .optimizer("sign_descent", new SignDescent(0.01))
 *     .loss("half_squared_error", new HalfSquaredError())
 *     .task(Task.REGRESSION)
 *     .build();
 * }</pre>
 *
 * <p><b>An optimizer instance serves one run.</b> A run sets its learning rate every epoch and
 * fills its state (the step count, moment estimates), so a config holding one is good for one
 * {@link Trainer#fit} or {@link Trainer#resume}; the trainer refuses an instance that has taken a
 * step already. Build each run's config with a fresh instance, or name a registered optimizer, from
 * which every run makes its own. A loss instance is a pure function and may be shared.
 *
 * <p><b>A regression target of any magnitude trains</b> when the config holds a target
 * standardizer, fitted on the training targets ({@link Standardizer#fitTargets}): the run then
 * trains on z = (y − mean) / std, and every score it reports (losses, MSE, R², on the training,
 * validation and test examples) is in the target's original units, computed from the predictions
 * turned back into those units. The model's raw outputs are z-scores:
 * {@code standardizer.invert(outputs)} gives the prediction.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder().optimizer("adam").loss("mse").task(Task.REGRESSION)
 *     .targetStandardizer(Standardizer.fitTargets(train))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: the plugins' default hyperparameters, no L2 penalty, 10 epochs, batches of 32, a
 * constant learning rate, no clipping, no validation split, seed 42, one-hot class targets, no
 * target standardizer, the compiled engine and one thread (so that a run's numbers do not depend on
 * the machine; the command line's {@code --threads} defaults to every core).
 */
public final class TrainingConfig {

  private final PluginChoice<Optimizer> optimizer;
  private final PluginChoice<Loss> loss;
  private final double l2;
  private final int epochs;
  private final int batchSize;
  private final Schedule schedule;
  private final Clipping clipping;
  private final double validationFraction;
  private final long seed;
  private final Task task;
  private final TargetEncoding targetEncoding;
  private final Standardizer targetStandardizer;
  private final Standardizer featureStandardizer;
  private final int earlyStoppingPatience;
  private final Engine engine;
  private final int threads;

  private TrainingConfig(Builder builder) {
    this.optimizer = builder.optimizer.choice("optimizer", "sgd");
    this.loss = builder.loss.choice("loss", "mse");
    this.schedule = Objects.requireNonNull(builder.schedule, "schedule");
    this.clipping = Objects.requireNonNull(builder.clipping, "clipping");
    if (builder.task == null) {
      throw new IllegalArgumentException("task must be classification or regression, was null");
    }
    this.task = builder.task;
    this.targetEncoding = Objects.requireNonNull(builder.targetEncoding, "targetEncoding");
    this.l2 = builder.l2;
    this.epochs = builder.epochs;
    this.batchSize = builder.batchSize;
    this.validationFraction = builder.validationFraction;
    this.seed = builder.seed;
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
    this.engine = Objects.requireNonNull(builder.engine, "engine");
    this.threads = builder.threads;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.targetStandardizer = builder.targetStandardizer;
    this.featureStandardizer = builder.featureStandardizer;
    this.earlyStoppingPatience = builder.earlyStoppingPatience;
    if (earlyStoppingPatience < 0) {
      throw new IllegalArgumentException("early-stopping patience must be >= 1, or 0 for none, was "
          + earlyStoppingPatience);
    }
    if (earlyStoppingPatience > 0 && validationFraction == 0) {
      throw new IllegalArgumentException("early stopping watches the validation loss, so it needs a validation"
          + " fraction > 0, was 0");
    }
    if (targetStandardizer != null && (task != Task.REGRESSION || targetStandardizer.mean().length != 1)) {
      throw new IllegalArgumentException("a target standardizer needs a regression task and one column, was "
          + task.name().toLowerCase(Locale.ROOT) + " with " + targetStandardizer.mean().length + " columns");
    }
  }

  /** Returns a builder with the defaults; the optimizer, the loss and the task have none and must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this configuration, to make another that differs in a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.optimizer.set(optimizer);
    builder.loss.set(loss);
    builder.l2 = l2;
    builder.epochs = epochs;
    builder.batchSize = batchSize;
    builder.schedule = schedule;
    builder.clipping = clipping;
    builder.validationFraction = validationFraction;
    builder.seed = seed;
    builder.task = task;
    builder.targetEncoding = targetEncoding;
    builder.targetStandardizer = targetStandardizer;
    builder.featureStandardizer = featureStandardizer;
    builder.earlyStoppingPatience = earlyStoppingPatience;
    builder.engine = engine;
    builder.threads = threads;
    return builder;
  }

  /**
   * Returns the optimizer: a registered one by name, such as {@code sgd}, or an instance; its
   * learning rate is the schedule's base.
   */
  public PluginChoice<Optimizer> optimizer() {
    return optimizer;
  }

  /** Returns the loss: a registered one by name, such as {@code mse}, or an instance. */
  public PluginChoice<Loss> loss() {
    return loss;
  }

  /**
   * Returns the L2 penalty factor λ: the loss gains {@code λ·Σθ²} (so each gradient gains
   * {@code 2λθ}); 0 for none.
   */
  public double l2() {
    return l2;
  }

  /** Returns the number of passes over the training examples, ≥ 1. */
  public int epochs() {
    return epochs;
  }

  /** Returns the examples per step, ≥ 1; the last batch of an epoch may be smaller. */
  public int batchSize() {
    return batchSize;
  }

  /** Returns the learning rate per epoch. */
  public Schedule schedule() {
    return schedule;
  }

  /** Returns the gradient clipping before each update. */
  public Clipping clipping() {
    return clipping;
  }

  /** Returns the share of the examples held out for validation, in [0, 1); 0 for none. */
  public double validationFraction() {
    return validationFraction;
  }

  /** Returns the seed of the validation split and of the shuffles. */
  public long seed() {
    return seed;
  }

  /** Returns classification or regression, which decides the metrics. */
  public Task task() {
    return task;
  }

  /** Returns how class labels become target rows: one-hot, or ±1 for a margin loss. */
  public TargetEncoding targetEncoding() {
    return targetEncoding;
  }

  /**
   * Returns the standardizer of the regression target, if the run trains on standardized targets
   * and reports in the target's units.
   */
  public Optional<Standardizer> targetStandardizer() {
    return Optional.ofNullable(targetStandardizer);
  }

  /**
   * Returns the statistics the caller standardized the features with before training, if it did:
   * the run does not apply them, its checkpoints record them ({@link DataSchema}) so that a
   * {@link Predictor} takes raw rows.
   */
  public Optional<Standardizer> featureStandardizer() {
    return Optional.ofNullable(featureStandardizer);
  }

  /**
   * Returns the early-stopping patience: the run stops after this many epochs in a row without a
   * validation loss below the best so far, and ends with the best epoch's weights; 0 for none.
   */
  public int earlyStoppingPatience() {
    return earlyStoppingPatience;
  }

  /**
   * Returns how each step's graph is run: compiled (the default) or eager. It decides no number:
   * both engines compute the same run bit for bit, so it is not part of {@link #equals} nor of
   * {@link #describe()}.
   */
  public Engine engine() {
    return engine;
  }

  /**
   * Returns the number of threads a compiled step splits its batch across, ≥ 1; 1 by default. One thread computes what the eager engine computes, bit for bit; N threads sum
   * each part's gradients in a fixed order, so a given N gives the same run every time, differing
   * from one thread in rounding only. A model whose rows are coupled in training (batch
   * normalization) trains on one thread whatever this says. Like {@link #engine()}, it is not part of
   * {@link #equals} nor of {@link #describe()}: a checkpoint resumes with any number of threads,
   * exactly so with the same number.
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns a one-line summary, such as
   * {@code sgd(lr=0.1) on mse(), 20 epochs of batches of 32, schedule constant, clipping none, l2 0.0,
   * validation 0.2, seed 42, regression}; an instance shows its name and no hyperparameters. A
   * target standardizer adds {@code , target standardized (mean 1.2e+12, std 3.4e+11)}.
   */
  public String describe() {
    return optimizer.name() + "(" + optimizer.hyperparameters() + ") on " + loss.name() + "(" + loss.hyperparameters()
        + "), " + epochs + " epochs of batches of " + batchSize + ", schedule " + schedule + ", clipping " + clipping
        + ", l2 " + l2 + ", validation " + validationFraction + ", seed " + seed + ", "
        + task.name().toLowerCase(Locale.ROOT)
        + (earlyStoppingPatience == 0 ? "" : ", early stopping after " + earlyStoppingPatience + " epochs without"
            + " improvement")
        + (targetStandardizer == null ? "" : String.format(Locale.ROOT, ", target standardized (mean %.4g, std %.4g)",
            targetStandardizer.mean()[0], targetStandardizer.std()[0]));
  }

  /** Returns whether {@code other} is a configuration of equal fields; instances are compared by identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TrainingConfig that && optimizer.equals(that.optimizer) && loss.equals(that.loss)
        && Double.compare(l2, that.l2) == 0 && epochs == that.epochs && batchSize == that.batchSize
        && schedule.equals(that.schedule) && clipping.equals(that.clipping)
        && Double.compare(validationFraction, that.validationFraction) == 0 && seed == that.seed
        && task == that.task && targetEncoding == that.targetEncoding
        && Objects.equals(targetStandardizer, that.targetStandardizer)
        && Objects.equals(featureStandardizer, that.featureStandardizer)
        && earlyStoppingPatience == that.earlyStoppingPatience;
  }

  @Override
  public int hashCode() {
    return Objects.hash(optimizer, loss, l2, epochs, batchSize, schedule, clipping, validationFraction, seed, task,
        targetEncoding, targetStandardizer, featureStandardizer, earlyStoppingPatience);
  }

  /** Returns {@link #describe()}. */
  @Override
  public String toString() {
    return describe();
  }

  /**
   * Collects the fields of a {@link TrainingConfig}; {@link #build()} checks them all at once.
   * Setting the optimizer (or the loss) by name replaces an instance set before, and the other way
   * round. A builder is not thread-safe and may build any number of configs.
   */
  public static final class Builder {

    private final PluginSlot<Optimizer> optimizer = new PluginSlot<>();
    private final PluginSlot<Loss> loss = new PluginSlot<>();
    private double l2 = 0;
    private int epochs = 10;
    private int batchSize = 32;
    private Schedule schedule = Schedule.constant();
    private Clipping clipping = Clipping.none();
    private double validationFraction = 0;
    private long seed = 42;
    private Task task;
    private TargetEncoding targetEncoding = TargetEncoding.ONE_HOT;
    private Standardizer targetStandardizer;
    private Standardizer featureStandardizer;
    private int earlyStoppingPatience;
    private Engine engine = Engine.COMPILED;
    private int threads = 1;

    private Builder() {}

    /** Sets the registered optimizer {@code name}, such as {@code sgd}, with its default hyperparameters. */
    public Builder optimizer(String name) {
      return optimizer(name, Hyperparameters.empty());
    }

    /** Sets the registered optimizer {@code name} configured by {@code hyperparameters}; lr is the schedule's base. */
    public Builder optimizer(String name, Hyperparameters hyperparameters) {
      optimizer.set(name, hyperparameters, null);
      return this;
    }

    /**
     * Sets an optimizer instance, registered nowhere, called {@code name} (lower_snake_case) in
     * messages and checkpoints; its learning rate now is the schedule's base. <b>The instance serves
     * one run</b>: see {@link TrainingConfig}.
     */
    public Builder optimizer(String name, Optimizer instance) {
      optimizer.set(name, Hyperparameters.empty(), Objects.requireNonNull(instance, "instance"));
      return this;
    }

    /** Sets the registered loss {@code name}, such as {@code mse}, with its default hyperparameters. */
    public Builder loss(String name) {
      return loss(name, Hyperparameters.empty());
    }

    /** Sets the registered loss {@code name} configured by {@code hyperparameters}. */
    public Builder loss(String name, Hyperparameters hyperparameters) {
      loss.set(name, hyperparameters, null);
      return this;
    }

    /** Sets a loss instance, registered nowhere, called {@code name} (lower_snake_case) in messages and checkpoints. */
    public Builder loss(String name, Loss instance) {
      loss.set(name, Hyperparameters.empty(), Objects.requireNonNull(instance, "instance"));
      return this;
    }

    /** Sets classification or regression, which decides the metrics. */
    public Builder task(Task task) {
      this.task = task;
      return this;
    }

    /** Sets the L2 penalty factor, finite and ≥ 0; 0 (the default) for none. */
    public Builder l2(double l2) {
      this.l2 = l2;
      return this;
    }

    /** Sets the number of epochs, ≥ 1; 10 by default. */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Sets the examples per step, ≥ 1; 32 by default. */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Sets the learning-rate schedule; constant by default. */
    public Builder schedule(Schedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Sets the gradient clipping; none by default. */
    public Builder clipping(Clipping clipping) {
      this.clipping = clipping;
      return this;
    }

    /** Sets the share of the examples held out for validation, in [0, 1); 0 (the default) for none. */
    public Builder validationFraction(double validationFraction) {
      this.validationFraction = validationFraction;
      return this;
    }

    /** Sets the seed of the validation split and of the shuffles; 42 by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets how class labels become target rows; one-hot by default. */
    public Builder targetEncoding(TargetEncoding targetEncoding) {
      this.targetEncoding = targetEncoding;
      return this;
    }

    /**
     * Sets the standardizer of a regression target, fitted on the training targets
     * ({@link Standardizer#fitTargets}), or null (the default) to train on the targets as they are.
     */
    public Builder targetStandardizer(Standardizer targetStandardizer) {
      this.targetStandardizer = targetStandardizer;
      return this;
    }

    /** Sets how each step's graph is run; compiled by default. */
    public Builder engine(Engine engine) {
      this.engine = engine;
      return this;
    }

    /** Sets the threads a compiled step splits its batch across, ≥ 1; 1 by default. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Records the standardizer the features were standardized with before training (fitted on the
     * training rows, {@link Standardizer#fit}), or null (the default) for none. The run does not
     * apply it; its checkpoints keep it, so that a {@link Predictor} standardizes raw rows the same way.
     */
    public Builder featureStandardizer(Standardizer featureStandardizer) {
      this.featureStandardizer = featureStandardizer;
      return this;
    }

    /**
     * Stops the run after {@code patience} epochs in a row whose validation loss is not below the
     * best so far, restores the best epoch's parameters and buffers, and leaves them in the
     * checkpoint; 0 (the default) for none. Needs a validation fraction &gt; 0.
     */
    public Builder earlyStopping(int patience) {
      this.earlyStoppingPatience = patience;
      return this;
    }

    /**
     * Returns the configuration, after checking every field.
     *
     * @throws IllegalArgumentException naming the field out of range or missing and its value, such
     *     as {@code epochs must be >= 1, was 0}, or a schedule that does not fit the epochs
     * @throws NullPointerException naming the schedule, clipping or target encoding, if set to null
     */
    public TrainingConfig build() {
      return new TrainingConfig(this);
    }
  }

  /** The optimizer or the loss while it is being built: a name with hyperparameters, or a name and an instance. */
  private static final class PluginSlot<T> {

    private String name;
    private Hyperparameters hyperparameters = Hyperparameters.empty();
    private T instance;

    void set(String name, Hyperparameters hyperparameters, T instance) {
      this.name = name;
      this.hyperparameters = hyperparameters;
      this.instance = instance;
    }

    void set(PluginChoice<T> choice) {
      set(choice.name(), choice.hyperparameters(),
          choice instanceof PluginChoice.Given<T> given ? given.instance() : null);
    }

    /** Returns the choice, or fails with the message the config has always given for a missing or blank name. */
    PluginChoice<T> choice(String what, String example) {
      if (instance != null) {
        return PluginChoice.given(name, instance);
      }
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(what + " must be a plugin name, such as " + example + ", was "
            + (name == null ? "null" : "'" + name + "'"));
      }
      return PluginChoice.named(name, hyperparameters);
    }
  }
}
