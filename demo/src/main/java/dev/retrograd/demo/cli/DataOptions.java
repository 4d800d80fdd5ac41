package dev.retrograd.demo.cli;

import dev.retrograd.data.CsvDataset;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Datasets;
import dev.retrograd.data.Digits;
import dev.retrograd.data.Task;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which data to train on: a built-in data set, or a CSV file of the user's. */
public final class DataOptions {

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "digits",
      description = "Built-in data set: digits, moons, circles, spiral, xor or sine (regression). Default: ${DEFAULT-VALUE}.")
  String dataset;

  @Option(names = "--data", paramLabel = "FILE.csv",
      description = "Your own CSV file with a header row; overrides --dataset.")
  Path csv;

  @Option(names = "--target", paramLabel = "COLUMN",
      description = "The CSV column to predict. Default: the last column.")
  String target;

  @Option(names = "--task", paramLabel = "TASK",
      description = "classification or regression. Default: inferred from the target.")
  String task;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "300",
      description = "Points to generate for moons, circles, spiral, xor and sine. Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(names = "--noise", paramLabel = "X", defaultValue = "0.1",
      description = "Noise of a generated data set. Default: ${DEFAULT-VALUE}.")
  double noise;

  @Option(names = "--classes", paramLabel = "K", defaultValue = "3",
      description = "Arms of the spiral data set. Default: ${DEFAULT-VALUE}.")
  int classes;

  /**
   * Returns the chosen data set, generated from {@code seed} if it is a generated one.
   *
   * @throws IOException if the CSV file cannot be read
   * @throws IllegalArgumentException for an unknown data set or task
   */
  Dataset load(long seed) throws IOException {
    if (csv != null) {
      return CsvDataset.load(csv, target, task());
    }
    if (target != null || task != null) {
      throw new IllegalArgumentException("--target and --task apply to --data FILE.csv, not to --dataset " + dataset);
    }
    return switch (dataset) {
      case "digits" -> Digits.load();
      case "spiral" -> Datasets.generate(dataset, samples, noise, seed, classes);
      default -> Datasets.generate(dataset, samples, noise, seed);
    };
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
