package dev.retrograd.demo.cli;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The data options of a {@code train} command, as a {@link DataSource} reads them.
 *
 * @param file the CSV file of {@code --data}, or null
 * @param target the CSV column to predict, or null for the last one
 * @param task classification or regression for a CSV file, or null to infer it
 * @param samples how many points a generated data set has
 * @param noise the noise of a generated data set
 * @param classes the number of arms of the spiral
 * @param seed the seed a generated data set is drawn from
 * @param dataDir the folder of a data set's files ({@code --data-dir}), or null for its default
 * @param limit the most rows to read ({@code --limit}), of each part for a data set with its own
 *     test set; 0 for all
 */
public record DataSettings(Path file, String target, Task task, int samples, double noise, int classes, long seed,
    Path dataDir, int limit) {

  /** Checks the limit. */
  public DataSettings {
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be >= 1, was " + limit);
    }
  }

  /** Returns settings without a data folder or a limit. */
  public DataSettings(Path file, String target, Task task, int samples, double noise, int classes, long seed) {
    this(file, target, task, samples, noise, classes, seed, null, 0);
  }

  /** Returns the first {@link #limit} rows of {@code data}, or {@code data} itself without a limit. */
  public Dataset limited(Dataset data) {
    if (limit == 0 || limit >= data.size()) {
      return data;
    }
    int[] first = new int[limit];
    Arrays.setAll(first, i -> i);
    return data.select(first);
  }
}
