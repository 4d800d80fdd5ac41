package dev.retrograd.demo.cli;

import dev.retrograd.data.Dataset;
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
}
