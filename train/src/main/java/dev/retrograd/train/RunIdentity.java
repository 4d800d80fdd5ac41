package dev.retrograd.train;

import dev.retrograd.api.PluginCatalog;
import dev.retrograd.api.PluginChoice;
import dev.retrograd.data.Task;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What makes a training run the run it is: everything a checkpoint records about it and a resumed
 * run must repeat, one field per checkpoint entry. Each entry's key is written once, in
 * {@link Entry}; {@link Checkpoint} writes and reads the entries in that order, and a resumed run
 * {@linkplain #requireResumableAs compares} the saved identity with its own, field by field.
 *
 * <pre>
 * architecture 2 -&gt; 3 tanh he_normal -&gt; 1 identity he_normal
 * optimizer sgd
 * optimizer_hyperparameters lr=0.1,momentum=0.9,dampening=0.0,nesterov=false,weight_decay=0.0
 * loss mse
 * loss_hyperparameters
 * task regression
 * schedule step:step_size=2,gamma=0.5
 * clipping norm:max_norm=1.0
 * l2 0.0
 * batch_size 4
 * validation_fraction 0.25
 * seed 7
 * examples 40
 * data_set wave
 * data inputs:3f5c…e1 targets:a9d0…47
 * </pre>
 *
 * @param architecture the model's {@code architecture()} line
 * @param optimizer the optimizer's name, registered or given to an instance
 * @param optimizerHyperparameters every hyperparameter the registered optimizer declares, as
 *     {@code name=value} pairs; empty for an instance
 * @param loss the loss's name, registered or given to an instance
 * @param lossHyperparameters every hyperparameter the registered loss declares; empty for an
 *     instance
 * @param task classification or regression
 * @param schedule the learning-rate schedule
 * @param clipping the gradient clipping
 * @param l2 the L2 penalty factor
 * @param batchSize examples per step
 * @param validationFraction the share of the examples held out for validation
 * @param seed the seed of the validation split and of the shuffles
 * @param examples the number of examples given to the run, validation ones included
 * @param dataSet the name of the data set, for messages: a resume compares the data by
 *     fingerprint, so the same rows under another name resume
 * @param data the fingerprint of the training and validation rows
 */
public record RunIdentity(
    String architecture,
    String optimizer,
    String optimizerHyperparameters,
    String loss,
    String lossHyperparameters,
    Task task,
    Schedule schedule,
    Clipping clipping,
    double l2,
    int batchSize,
    double validationFraction,
    long seed,
    int examples,
    String dataSet,
    DataFingerprint data) {

  /** The entries of a checkpoint that make up a run's identity, in file order, with their keys. */
  public enum Entry {
    /** {@code architecture}. */
    ARCHITECTURE("architecture", RunIdentity::architecture),
    /** {@code optimizer}. */
    OPTIMIZER("optimizer", RunIdentity::optimizer),
    /** {@code optimizer_hyperparameters}. */
    OPTIMIZER_HYPERPARAMETERS("optimizer_hyperparameters", RunIdentity::optimizerHyperparameters),
    /** {@code loss}. */
    LOSS("loss", RunIdentity::loss),
    /** {@code loss_hyperparameters}. */
    LOSS_HYPERPARAMETERS("loss_hyperparameters", RunIdentity::lossHyperparameters),
    /** {@code task}. */
    TASK("task", RunIdentity::task),
    /** {@code schedule}. */
    SCHEDULE("schedule", RunIdentity::schedule),
    /** {@code clipping}. */
    CLIPPING("clipping", RunIdentity::clipping),
    /** {@code l2}. */
    L2("l2", RunIdentity::l2),
    /** {@code batch_size}. */
    BATCH_SIZE("batch_size", RunIdentity::batchSize),
    /** {@code validation_fraction}. */
    VALIDATION_FRACTION("validation_fraction", RunIdentity::validationFraction),
    /** {@code seed}. */
    SEED("seed", RunIdentity::seed),
    /** {@code examples}. */
    EXAMPLES("examples", RunIdentity::examples),
    /** {@code data_set}. */
    DATA_SET("data_set", RunIdentity::dataSet),
    /** {@code data}. */
    DATA("data", RunIdentity::data);

    /** The settings, compared one by one and named by their keys when they differ. */
    static final Set<Entry> SETTINGS = EnumSet.range(TASK, EXAMPLES);

    private final String key;
    private final Function<RunIdentity, Object> field;

    Entry(String key, Function<RunIdentity, Object> field) {
      this.key = key;
      this.field = field;
    }

    /** Returns the key that starts the entry's line, such as {@code batch_size}. */
    public String key() {
      return key;
    }

    /** Returns the entry called {@code key}, if any. */
    public static Optional<Entry> withKey(String key) {
      for (Entry entry : values()) {
        if (entry.key.equals(key)) {
          return Optional.of(entry);
        }
      }
      return Optional.empty();
    }

    /** Returns this entry's value in {@code identity} as a checkpoint writes it; numbers by {@code Double.toString}. */
    public String text(RunIdentity identity) {
      Object value = field.apply(identity);
      return value instanceof Task task ? TextValues.word(task) : String.valueOf(value);
    }

    /**
     * Reads this entry's value from its text.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    Object read(String text) {
      return switch (this) {
        case ARCHITECTURE, OPTIMIZER, OPTIMIZER_HYPERPARAMETERS, LOSS, LOSS_HYPERPARAMETERS, DATA_SET -> text;
        case TASK -> TextValues.task(text);
        case SCHEDULE -> Schedule.parse(text);
        case CLIPPING -> Clipping.parse(text);
        case L2, VALIDATION_FRACTION -> TextValues.real(text);
        case BATCH_SIZE, EXAMPLES -> TextValues.count(key, text);
        case SEED -> TextValues.whole(text);
        case DATA -> DataFingerprint.parse(text);
      };
    }
  }

  /** Checks that every field is present and that the text fields fit on one line. */
  public RunIdentity {
    for (String text : new String[] {architecture, optimizer, optimizerHyperparameters, loss, lossHyperparameters,
        dataSet}) {
      Objects.requireNonNull(text, "a run identity's text field");
      if (text.contains("\n") || text.contains("\r")) {
        throw new IllegalArgumentException("a run identity's entries fit on one line, got '" + text + "'");
      }
    }
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(clipping, "clipping");
    Objects.requireNonNull(data, "data");
  }

  /**
   * Returns the identity of a run of {@code config} on {@code examples} examples of data set
   * {@code dataSet}, split into rows of fingerprint {@code data}, with a model of
   * {@code architecture}; registered plugins' hyperparameters are resolved in {@code catalog}, so
   * that their defaults are recorded too.
   */
  static RunIdentity of(String architecture, int examples, String dataSet, DataFingerprint data,
      TrainingConfig config, PluginCatalog catalog) {
    return new RunIdentity(architecture,
        config.optimizer().name(), everyHyperparameter(config.optimizer(), "optimizer", catalog),
        config.loss().name(), everyHyperparameter(config.loss(), "loss", catalog),
        config.task(), config.schedule(), config.clipping(), config.l2(), config.batchSize(),
        config.validationFraction(), config.seed(), examples, oneLine(dataSet), data);
  }

  /** Returns a data set's name with any line break as a space, so that it fits its entry's line. */
  private static String oneLine(String name) {
    return name.replaceAll("[\\r\\n]+", " ");
  }

  private static String everyHyperparameter(PluginChoice<?> choice, String kind, PluginCatalog catalog) {
    return choice instanceof PluginChoice.Given
        ? "" : choice.hyperparameters().resolve(catalog.plugin(kind, choice.name())).toString();
  }

  /** Returns the identity of these entry values, as {@link Entry#read} made them; every entry present. */
  static RunIdentity of(Map<Entry, Object> values) {
    return new RunIdentity((String) values.get(Entry.ARCHITECTURE), (String) values.get(Entry.OPTIMIZER),
        (String) values.get(Entry.OPTIMIZER_HYPERPARAMETERS), (String) values.get(Entry.LOSS),
        (String) values.get(Entry.LOSS_HYPERPARAMETERS), (Task) values.get(Entry.TASK),
        (Schedule) values.get(Entry.SCHEDULE), (Clipping) values.get(Entry.CLIPPING), (double) values.get(Entry.L2),
        (int) values.get(Entry.BATCH_SIZE), (double) values.get(Entry.VALIDATION_FRACTION),
        (long) values.get(Entry.SEED), (int) values.get(Entry.EXAMPLES), (String) values.get(Entry.DATA_SET),
        (DataFingerprint) values.get(Entry.DATA));
  }

  /**
   * Checks that a run of identity {@code current} may resume from this identity, saved in
   * {@code source}: the same architecture, optimizer and loss with the same hyperparameters, the
   * same settings, each compared in its text form, and the same data, compared by fingerprint (the
   * data set's name only helps the message).
   *
   * @throws CheckpointException naming the first entry that differs, with both values
   */
  void requireResumableAs(RunIdentity current, String source) {
    if (!architecture.equals(current.architecture)) {
      throw new CheckpointException("Checkpoint " + source + " was saved from a different architecture: checkpoint '"
          + architecture + "', this model '" + current.architecture
          + "'. Build the model the checkpoint was saved from, or start afresh without resuming.");
    }
    requireSame(source, "optimizer", optimizer + "(" + optimizerHyperparameters + ")",
        current.optimizer + "(" + current.optimizerHyperparameters + ")");
    requireSame(source, "loss", loss + "(" + lossHyperparameters + ")",
        current.loss + "(" + current.lossHyperparameters + ")");
    for (Entry setting : Entry.SETTINGS) {
      requireSame(source, setting.key(), setting.text(this), setting.text(current));
    }
    String differences = data.differences(current.data);
    if (!differences.isEmpty()) {
      throw new CheckpointException("Checkpoint " + source + " was saved on other data: the " + differences
          + " of its " + examples + " examples differ from this run's (checkpoint " + describe(dataSet, data)
          + ", this run " + describe(current.dataSet, current.data) + "). Resume on the data the checkpoint was"
          + " saved on, or start afresh without resuming.");
    }
  }

  /** Returns {@code moons, inputs 3f5c8a21… targets a9d03b77…}: the name and the digests' first 8 digits. */
  private static String describe(String dataSet, DataFingerprint data) {
    return dataSet + ", inputs " + data.inputs().substring(0, 8) + "… targets " + data.targets().substring(0, 8) + "…";
  }

  private static void requireSame(String source, String what, String saved, String current) {
    if (!saved.equals(current)) {
      throw new CheckpointException("Checkpoint " + source + " was saved with a different " + what + ": checkpoint "
          + saved + ", this run " + current + ". Resume with the same " + what + ", or start afresh without resuming.");
    }
  }
}
