package dev.retrograd.demo.cli;

import dev.retrograd.data.Split;
import dev.retrograd.data.Task;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which data to train on: a built-in data set, or a CSV file of the user's; each is a
 * {@link DataSource} bound by name.
 */
public final class DataOptions {

  /** The name of the data source that reads the file given with {@code --data}. */
  public static final String CSV = "csv";

  private final Map<String, DataSource> sources;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "digits",
      description = "Built-in data set: digits, fashion-mnist, mnist, moons, circles, spiral, xor or sine (regression)."
          + " Default: ${DEFAULT-VALUE}.")
  String dataset;

  @Option(names = "--data", paramLabel = "FILE.csv",
      description = "Your own CSV file with a header row; overrides --dataset.")
  Path csv;

  @Option(names = "--target", paramLabel = "COLUMN",
      description = "The CSV column to predict. Default: the last column.")
  String target;

  @Option(names = "--task", paramLabel = "TASK",
      description = "classification or regression. Default: inferred from the target column: classification when"
          + " no value is a number, or when the values are at most 20 distinct integers, fewer than half the rows;"
          + " regression when they are other numbers; numbers mixed with words are an error.")
  String task;

  @Mixin
  GeneratorOptions generator;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of the four IDX files of fashion-mnist or mnist (raw or .gz). Default for fashion-mnist:"
          + " /usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist package).")
  Path dataDir;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Read only the first N rows (of the training and of the test files for fashion-mnist and"
          + " mnist), for a quick run. Default: all.")
  int limit;

  /** Creates the options over the data sources bound by name. */
  @Inject
  DataOptions(Map<String, DataSource> sources) {
    this.sources = sources;
  }

  /**
   * Checks the data options without loading anything, and returns the task given with
   * {@code --task}, if any.
   *
   * @throws IllegalArgumentException for an unknown data set or task, or {@code --target} or
   *     {@code --task} without {@code --data}
   */
  Optional<Task> check() {
    if (csv == null && (target != null || task != null)) {
      throw new IllegalArgumentException("--target and --task apply to --data FILE.csv, not to --dataset " + dataset);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be >= 1, or 0 for all rows, was " + limit);
    }
    if (dataDir != null && !source().hasOwnTestSet()) {
      throw new IllegalArgumentException("--data-dir applies to --dataset fashion-mnist and mnist, not to "
          + (csv != null ? "--data " + csv : "--dataset " + dataset));
    }
    source();
    return Optional.ofNullable(task());
  }

  /**
   * Returns the chosen data set cut into training and test rows: its own test set if it has one
   * (fashion-mnist, mnist), else a stratified split with {@code testFraction} (see
   * {@link DataSource#split}).
   *
   * @throws IOException if a file cannot be read
   */
  Split split(long seed, double testFraction) throws IOException {
    check();
    return source().split(settings(seed), testFraction);
  }

  /** Returns whether the chosen data set comes with its own test set, so that no test fraction applies. */
  boolean hasOwnTestSet() {
    return source().hasOwnTestSet();
  }

  private DataSettings settings(long seed) {
    return new DataSettings(csv, target, task(), generator.samples, generator.noise, generator.classes, seed,
        dataDir, limit);
  }

  private DataSource source() {
    if (csv != null) {
      return sources.get(CSV);
    }
    Map<String, DataSource> builtIn = new TreeMap<>(sources);
    builtIn.remove(CSV);
    DataSource source = builtIn.get(dataset);
    if (source == null) {
      throw new IllegalArgumentException("Unknown data set '" + dataset + "'; available: " + builtIn.keySet()
          + ", or --data FILE.csv.");
    }
    return source;
  }

  private Task task() {
    if (task == null) {
      return null;
    }
    return switch (task) {
      case "classification" -> Task.CLASSIFICATION;
      case "regression" -> Task.REGRESSION;
      default -> throw new IllegalArgumentException(
          "Unknown task '" + task + "'; available: [classification, regression].");
    };
  }
}
