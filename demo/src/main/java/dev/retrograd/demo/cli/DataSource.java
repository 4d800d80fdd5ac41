package dev.retrograd.demo.cli;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.Split;
import java.io.IOException;

/**
 * A data set {@code retrograd train} can train on, bound by name in a
 * {@code MapBinder<String, DataSource>} (see {@link DataSourcesModule}); {@code --dataset NAME}
 * chooses one, {@code --data FILE.csv} the one named {@value DataOptions#CSV}.
 *
 * <pre>{@code
 * MapBinder.newMapBinder(binder(), String.class, DataSource.class)
 *     .addBinding("moons").toInstance(s -> Moons.generate(s.samples(), s.noise(), s.seed()));
 * }</pre>
 */
@FunctionalInterface
public interface DataSource {

  /**
   * Returns the data set for the command's settings; a generated one uses their size, noise and
   * seed, a file its path, target column and task.
   *
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException for settings the data set cannot honour
   */
  Dataset load(DataSettings settings) throws IOException;

  /**
   * Returns the rows to train on and the rows to test on: by default the first {@code --limit} rows
   * of {@link #load} (all without a limit), split by {@link Split#trainTestSplit} with
   * {@code testFraction} and the settings' seed. A data set that comes with its own test set, such
   * as MNIST's official 60,000 / 10,000 split, returns that split and ignores the fraction.
   *
   * @throws IOException if a file cannot be read
   */
  default Split split(DataSettings settings, double testFraction) throws IOException {
    return Split.trainTestSplit(settings.limited(load(settings)), testFraction, settings.seed());
  }

  /** Returns whether {@link #split} gives the data set's own test set, ignoring the test fraction. */
  default boolean hasOwnTestSet() {
    return false;
  }
}
